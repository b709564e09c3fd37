using AIOps.Analyzer.Detection;

namespace AIOps.Analyzer.Tests.Detection;

public sealed class NewMaximaOnlyTests
{
    // Replays fixed scores, whatever the value.
    private sealed class Scripted(params double[] scores) : IStreamingDetector
    {
        private int _next;

        public double Update(long timestampMs, double value) => scores[_next++];
    }

    [Fact]
    public void Update_LastingHighScore_AlertsAtTheOnsetAndAgainOnlyWhenItGrowsOrAfterTheQuietPoints()
    {
        var detector = new NewMaximaOnly(new Scripted(0.1, 0.9, 0.9, 0.8, 0.95, 0.2, 0.2, 0.2, 0.2, 0.9), quietPoints: 4);

        var reported = Enumerable.Range(0, 10).Select(i => detector.Update(i, 0)).ToArray();

        reported.Should().Equal(0.1, 0.9, 0, 0, 0.95, 0, 0, 0, 0, 0.9);
    }

    [Fact]
    public void Constructor_NoQuietPoints_Throws() =>
        FluentActions.Invoking(() => new NewMaximaOnly(new Scripted(), 0)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("quietPoints");
}
