using AIOps.Analyzer.Evaluation.Rca;

namespace AIOps.Analyzer.Tests.Evaluation.Rca;

public sealed class RcaScorerTests
{
    [Fact]
    public void Score_MixedRanks_CountsEachKAndAveragesTheFirstFive()
    {
        // Ranks 1, 2, 3, 5 and one miss (0): AC@1 1/5, AC@2 2/5, AC@3 3/5, AC@4 3/5, AC@5 4/5.
        var accuracy = RcaScorer.Score([1, 2, 0, 5, 3]);

        accuracy.Cases.Should().Be(5);
        accuracy.AcAtK.Should().Equal(0.2, 0.4, 0.6, 0.6, 0.8);
        accuracy.Avg5.Should().BeApproximately(2.6 / 5, 1e-12);
    }

    [Theory]
    [InlineData(new[] { 1, 1, 1 }, 1.0)]
    [InlineData(new[] { 6, 0 }, 0.0)]
    [InlineData(new[] { 2 }, 0.8)]
    [InlineData(new[] { 5, 1 }, 0.6)] // AC@1 to AC@4 0.5, AC@5 1
    public void Score_LiteralRanks_Avg5MatchesHandComputed(int[] ranks, double avg5) =>
        RcaScorer.Score(ranks).Avg5.Should().BeApproximately(avg5, 1e-12);

    [Fact]
    public void Score_NoCases_IsZeroEverywhere()
    {
        var accuracy = RcaScorer.Score([]);

        accuracy.Cases.Should().Be(0);
        accuracy.Avg5.Should().Be(0);
    }

    [Fact]
    public void Score_NegativeRank_Throws() =>
        FluentActions.Invoking(() => RcaScorer.Score([1, -1])).Should().Throw<ArgumentException>().WithParameterName("ranks");

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public void Ac_KOutsideOneToFive_Throws(int k) =>
        FluentActions.Invoking(() => RcaScorer.Score([1]).Ac(k)).Should().Throw<ArgumentOutOfRangeException>();
}
