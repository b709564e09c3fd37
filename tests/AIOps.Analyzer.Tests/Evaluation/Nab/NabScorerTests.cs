using AIOps.Analyzer.Evaluation.Nab;

namespace AIOps.Analyzer.Tests.Evaluation.Nab;

public sealed class NabScorerTests(NabCorpusFixture nab) : IClassFixture<NabCorpusFixture>
{
    // 400 rows: rows 0-59 are probationary; one window of 100 rows, 100-199.
    private const int Rows = 400;
    private static readonly NabWindow[] s_window = [new(100, 199)];

    [Theory]
    [InlineData("early detection is worth the full true positive", NabProfile.Standard, new[] { 100 }, 1.0)]
    [InlineData("halfway through the window", NabProfile.Standard, new[] { 150 }, 0.8597925669097837)]
    [InlineData("detection at the right edge is worth almost nothing", NabProfile.Standard, new[] { 199 }, 0.025333905068325228)]
    [InlineData("a window counts only its best detection", NabProfile.Standard, new[] { 100, 150, 199 }, 1.0)]
    [InlineData("false positive right after the window", NabProfile.Standard, new[] { 200 }, -1.0027771874746165)]
    [InlineData("false positive far after the window", NabProfile.Standard, new[] { 399 }, -1.1099909719925236)]
    [InlineData("false positive costs twice under low FP", NabProfile.RewardLowFpRate, new[] { 200 }, -1.005554374949233)]
    [InlineData("false positive before any window costs fpWeight", NabProfile.Standard, new[] { 70 }, -1.11)]
    [InlineData("probationary rows are ignored", NabProfile.Standard, new[] { 0, 10, 59 }, -1.0)]
    [InlineData("missed window costs fnWeight", NabProfile.Standard, new int[0], -1.0)]
    [InlineData("missed window costs fnWeight under low FN", NabProfile.RewardLowFnRate, new int[0], -2.0)]
    public void ScoreFile_HandMadeWindow_FollowsTheRules(string rule, string profile, int[] detections, double expected)
    {
        var file = new NabScoredFile(rule, s_window, Detections(detections));

        NabScorer.ScoreFile(file, Profile(profile), 0.5).Should().BeApproximately(expected, 1e-9, rule);
    }

    [Fact]
    public void ScoreFile_FalsePositiveRightAfterWindow_CostsLessThanFarAway()
    {
        var near = NabScorer.ScoreFile(new NabScoredFile("near", s_window, Detections([201])), Profile(NabProfile.Standard), 0.5);
        var far = NabScorer.ScoreFile(new NabScoredFile("far", s_window, Detections([350])), Profile(NabProfile.Standard), 0.5);

        near.Should().BeGreaterThan(far);
        far.Should().BeGreaterThan(-1.0 - 0.11 - 1e-12);
    }

    [Fact]
    public void ScoreFile_ScoreEqualToThreshold_IsADetection()
    {
        var scores = new double[Rows];
        scores[100] = 0.7;

        NabScorer.ScoreFile(new NabScoredFile("equal", s_window, scores), Profile(NabProfile.Standard), 0.7).Should().BeApproximately(1.0, 1e-12);
    }

    [Fact]
    public void Score_PerfectAndNullDetections_NormaliseTo100And0()
    {
        var perfect = NabScorer.Score([new NabScoredFile("perfect", s_window, Detections([100]))], Profile(NabProfile.RewardLowFnRate), 0.5);
        var none = NabScorer.Score([new NabScoredFile("null", s_window, Detections([]))], Profile(NabProfile.RewardLowFnRate), 0.5);

        perfect.Normalized.Should().BeApproximately(100, 1e-9);
        none.Normalized.Should().BeApproximately(0, 1e-9);
    }

    [Theory]
    [InlineData(NabProfile.Standard, 70.10105611943965)]
    [InlineData(NabProfile.RewardLowFpRate, 63.11684160219828)]
    [InlineData(NabProfile.RewardLowFnRate, 74.3202443095115)]
    public void Score_NumentaGoldenScoresAtPublishedThresholds_ReproduceFinalResults(string profile, double published)
    {
        var threshold = nab.Corpus.Thresholds[NabCorpusFixture.Numenta][profile];

        var score = NabScorer.Score(nab.NumentaScoredFiles(), nab.Corpus.Profiles.Single(p => p.Name == profile), threshold);

        score.Normalized.Should().BeApproximately(published, 0.01);
    }

    private static NabProfile Profile(string name) => NabProfile.Published.Single(p => p.Name == name);

    private static double[] Detections(int[] rows)
    {
        var scores = new double[Rows];
        foreach (var row in rows)
        {
            scores[row] = 1.0;
        }

        return scores;
    }
}
