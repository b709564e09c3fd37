using AIOps.Analyzer.Detection;
using AIOps.Testing;

namespace AIOps.Analyzer.Tests.Detection;

public sealed class IsolationForestTests
{

    private static List<double[]> Cluster(int count, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => new[] { SeededNoise.Gaussian(random), SeededNoise.Gaussian(random) })];
    }

    [Fact]
    public void Score_OutlierFarFromAGaussianCluster_ScoresClearlyHigherThanTheCluster()
    {
        var cluster = Cluster(1000, 1);
        var forest = IsolationForest.Build(cluster, new IsolationForestOptions { Seed = 1 });

        var outlier = forest.Score([6, -6]);
        var typical = cluster.Select(p => forest.Score(p)).ToList();

        outlier.Should().BeGreaterThan(0.6);
        typical.Count(s => s < 0.5).Should().BeGreaterThan(typical.Count * 3 / 4, "most cluster points are typical");
        outlier.Should().BeGreaterThan(typical.Order().ElementAt(typical.Count * 99 / 100) + 0.05);
    }

    [Fact]
    public void Score_PointOffTheDiagonalOfACorrelatedCluster_ScoresHigherThanTypicalPoints()
    {
        var random = new Random(2);
        var cluster = Enumerable.Range(0, 1000).Select(_ => SeededNoise.Gaussian(random)).Select(x => new[] { x, x + (0.1 * SeededNoise.Gaussian(random)) }).ToList();
        var forest = IsolationForest.Build(cluster, new IsolationForestOptions { Seed = 2 });

        // Each coordinate is well inside its marginal range; only the combination is unusual.
        var offDiagonal = forest.Score([1.5, -1.5]);
        var sameMarginals = Math.Max(forest.Score([1.5, 1.5]), forest.Score([-1.5, -1.5]));
        var typical = cluster.Select(p => forest.Score(p)).Order().ToList();

        offDiagonal.Should().BeGreaterThan(typical[typical.Count * 9 / 10], "only the extremes of the cluster are as easy to isolate");
        offDiagonal.Should().BeGreaterThan(sameMarginals + 0.05);
    }

    [Fact]
    public void Build_SameSeed_GivesTheSameScores()
    {
        var cluster = Cluster(500, 3);
        var probes = Cluster(50, 4);

        double[] ScoresWith(int seed)
        {
            var forest = IsolationForest.Build(cluster, new IsolationForestOptions { Seed = seed });
            return [.. probes.Select(p => forest.Score(p))];
        }

        ScoresWith(7).Should().Equal(ScoresWith(7));
        ScoresWith(7).Should().NotEqual(ScoresWith(8));
    }

    [Fact]
    public void Build_SmallSample_UsesItWholeAndStaysInRange()
    {
        var forest = IsolationForest.Build(Cluster(40, 5), new IsolationForestOptions { TreeCount = 10 });

        forest.SampleSize.Should().Be(40);
        forest.TreeCount.Should().Be(10);
        forest.Dimension.Should().Be(2);
        Cluster(100, 6).Select(p => forest.Score(p)).Should().OnlyContain(s => s > 0 && s <= 1);
    }

    [Fact]
    public void Score_DuplicatePoints_ScoreAsTypical()
    {
        var sample = Enumerable.Range(0, 300).Select(_ => new[] { 1.0, 2.0 }).ToList();
        var forest = IsolationForest.Build(sample);

        // No split can separate identical points: every tree is one leaf, whose expected path length is c(n).
        forest.NodeCount.Should().Be(forest.TreeCount);
        forest.Score([1, 2]).Should().BeApproximately(0.5, 1e-12);
    }

    [Fact]
    public void Score_ManyPoints_AllocatesNothing()
    {
        var forest = IsolationForest.Build(Cluster(1000, 7));
        var point = new[] { 0.5, -0.5 };
        forest.Score(point);

// A scorer that allocates does so on every pass; the runtime's tiered recompilation may allocate on this thread
        // once, in one pass, so one clean pass of five is the proof.
        var allocated = new List<long>();
        for (var pass = 0; pass < 5; pass++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 1000; i++)
            {
                point[0] = i / 1000.0;
                forest.Score(point);
            }

            allocated.Add(GC.GetAllocatedBytesForCurrentThread() - before);
        }

        allocated.Should().Contain(0);
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 1)]
    [InlineData(3, 1.6666666666666667)]
    [InlineData(256, 10.248689925634562)]
    [InlineData(1000, 12.970941721100687)]
    public void AveragePathLength_KnownSizes_MatchTheExactHarmonicSum(int n, double expected)
    {
        IsolationForest.AveragePathLength(n).Should().BeApproximately(expected, 1e-12);
    }

    public static TheoryData<List<double[]>, string> InvalidSamples => new()
    {
        { [], "sample" },
        { [[1.0, 2.0]], "sample" },
        { [[1.0, 2.0], [3.0]], "sample" },
        { [[1.0, 2.0], [3.0, double.NaN]], "sample" },
        { [[1.0, 2.0], [double.PositiveInfinity, 4.0]], "sample" },
        { [[], []], "sample" },
    };

    [Theory]
    [MemberData(nameof(InvalidSamples))]
    public void Build_InvalidSample_ThrowsNamingTheSample(List<double[]> sample, string parameter)
    {
        var build = () => IsolationForest.Build(sample);

        build.Should().Throw<ArgumentException>().Which.ParamName.Should().Be(parameter);
    }

    [Theory]
    [InlineData(0, 256, "TreeCount")]
    [InlineData(100, 1, "SampleSize")]
    public void Build_InvalidOptions_ThrowsNamingTheSetting(int trees, int sampleSize, string parameter)
    {
        var build = () => IsolationForest.Build(Cluster(10, 8), new IsolationForestOptions { TreeCount = trees, SampleSize = sampleSize });

        build.Should().Throw<ArgumentException>().Which.ParamName.Should().Be(parameter);
    }

    [Theory]
    [InlineData(new[] { 1.0 })]
    [InlineData(new[] { 1.0, 2.0, 3.0 })]
    [InlineData(new[] { 1.0, double.NaN })]
    public void Score_InvalidPoint_ThrowsNamingThePoint(double[] point)
    {
        var forest = IsolationForest.Build(Cluster(10, 9));

        var score = () => forest.Score(point);

        score.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("point");
    }
}
