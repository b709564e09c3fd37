using AIOps.Analyzer.Evaluation.Nab;

namespace AIOps.Analyzer.Tests.Evaluation.Nab;

public sealed class NabThresholdOptimizerTests(NabCorpusFixture nab) : IClassFixture<NabCorpusFixture>
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Optimize_SmallRandomCorpus_MatchesBruteForceOverEveryScore(int seed)
    {
        var random = new Random(seed);
        NabScoredFile[] files =
        [
            new("a", [new(40, 59), new(120, 139)], RandomScores(random, 200)),
            new("b", [], RandomScores(random, 150)),
            new("c", [new(90, 99)], RandomScores(random, 100)),
        ];

        foreach (var best in NabThresholdOptimizer.Optimize(files, NabProfile.Published))
        {
            var profile = NabProfile.Published.Single(p => p.Name == best.Profile);
            var bruteForce = files.SelectMany(f => f.Scores).Distinct().Append(2.0)
                .Max(t => NabScorer.Score(files, profile, t).Raw);

            best.Raw.Should().BeApproximately(bruteForce, 1e-9, best.Profile);
            NabScorer.Score(files, profile, best.Threshold).Raw.Should().BeApproximately(best.Raw, 1e-12);
        }
    }

    [Fact]
    public void Optimize_NothingWorthDetecting_ScoresNullAndDetectsNothing()
    {
        // Only false positives: the best is to flag nothing, a threshold above every score.
        NabScoredFile[] files = [new("fp", [new(80, 89)], [.. Enumerable.Range(0, 100).Select(i => i < 80 ? 0.9 : 0.1)])];

        var best = NabThresholdOptimizer.Optimize(files, NabProfile.Published);

        best.Should().AllSatisfy(s =>
        {
            s.Normalized.Should().Be(0);
            s.Threshold.Should().BeGreaterThan(0.9);
        });
    }

    [Fact]
    public void Optimize_NumentaGoldenScores_MatchesOrBeatsThePublishedScoreboard()
    {
        var best = NabThresholdOptimizer.Optimize(nab.NumentaScoredFiles(), nab.Corpus.Profiles);

        // NAB's own search is not exhaustive; an exhaustive one finds at least as good a threshold.
        best.Single(s => s.Profile == NabProfile.Standard).Normalized.Should().BeInRange(70.10, 70.2);
        best.Single(s => s.Profile == NabProfile.RewardLowFpRate).Normalized.Should().BeInRange(63.11, 63.3);
        best.Single(s => s.Profile == NabProfile.RewardLowFnRate).Normalized.Should().BeInRange(74.31, 74.4);
    }

    private static double[] RandomScores(Random random, int count) =>
        [.. Enumerable.Range(0, count).Select(_ => Math.Round(random.NextDouble(), 2))];
}
