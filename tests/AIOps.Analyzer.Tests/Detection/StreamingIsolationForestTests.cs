using AIOps.Analyzer.Detection;
using AIOps.Testing;

namespace AIOps.Analyzer.Tests.Detection;

public sealed class StreamingIsolationForestTests
{
    private static double[][] Regime(int count, double centre, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => new[] { centre + SeededNoise.Gaussian(random), centre + SeededNoise.Gaussian(random) })];
    }

    private static double[] Run(StreamingIsolationForest forest, IEnumerable<double[]> points) =>
        [.. points.Select(p => forest.Update(p))];

    [Fact]
    public void Update_BeforeTheFirstForest_ScoresZero()
    {
        var forest = new StreamingIsolationForest(2, windowPoints: 512, rebuildEvery: 128);

        var scores = Run(forest, Regime(129, 0, 1));

        scores.Take(128).Should().OnlyContain(s => s == 0);
        forest.Forest.Should().NotBeNull();
        scores[128].Should().BeInRange(0.3, 0.7);
    }

    [Fact]
    public void Update_RegimeChange_ScoresTheNewRegimeHighThenAdapts()
    {
        var forest = new StreamingIsolationForest(2, windowPoints: 512, rebuildEvery: 128);
        Run(forest, Regime(1024, 0, 2));

        var scores = Run(forest, Regime(1024, 10, 3));

        scores.Take(128).Should().OnlyContain(s => s > 0.6, "nothing like it is in the window yet");
        scores.Skip(640).Average().Should().BeLessThan(0.5, "once the window holds only the new regime, it is typical");
    }

    [Fact]
    public void Update_SameSeed_GivesTheSameScores()
    {
        var points = Regime(1000, 0, 4).Concat(Regime(300, 5, 5)).ToList();

        double[] ScoresWith(int seed) =>
            Run(new StreamingIsolationForest(2, 256, 100, new IsolationForestOptions { Seed = seed, TreeCount = 20 }), points);

        ScoresWith(1).Should().Equal(ScoresWith(1));
        ScoresWith(1).Should().NotEqual(ScoresWith(2));
    }

    [Theory]
    [InlineData(0, 1024, 256, "dimension")]
    [InlineData(2, 1, 256, "windowPoints")]
    [InlineData(2, 1024, 1, "rebuildEvery")]
    public void Constructor_InvalidSetting_ThrowsNamingIt(int dimension, int windowPoints, int rebuildEvery, string parameter)
    {
        var create = () => new StreamingIsolationForest(dimension, windowPoints, rebuildEvery);

        create.Should().Throw<ArgumentException>().Which.ParamName.Should().Be(parameter);
    }

    [Fact]
    public void Update_PointOfAnotherDimensionOrNaN_ThrowsNamingThePoint()
    {
        var forest = new StreamingIsolationForest(2);

        ((Action)(() => forest.Update([1.0]))).Should().Throw<ArgumentException>().Which.ParamName.Should().Be("point");
        ((Action)(() => forest.Update([1.0, double.NaN]))).Should().Throw<ArgumentException>().Which.ParamName.Should().Be("point");
    }
}
