using AIOps.Analyzer.Detection;

namespace AIOps.Analyzer.Tests.Detection;

public sealed class IsolationForestDetectorTests
{
    private const long Step = 300_000;

    [Fact]
    public void Update_SpikeOnADailyCycle_IsTheHighestScore()
    {
        var random = new Random(1);
        var values = Enumerable.Range(0, 5 * 288).Select(i => 100 + (40 * Math.Sin(2 * Math.PI * i / 288)) + (random.NextDouble() * 4)).ToArray();
        var at = 1300;
        values[at] += 30;
        var detector = new IsolationForestDetector();

        var scores = values.Select((v, i) => detector.Update(i * Step, v)).ToArray();

        // Judged once the forest has been grown from a full window (its first, from 256 points, is crude).
        var judged = scores[(256 + 1024)..];
        scores[at].Should().BeGreaterThan(0.6);
        Array.IndexOf(judged, judged.Max()).Should().Be(at - 256 - 1024);
    }

    [Fact]
    public void Update_NonFiniteValue_ScoresZeroAndIsSkipped()
    {
        var detector = new IsolationForestDetector(rebuildEvery: 16, windowPoints: 64);
        for (var i = 0; i < 100; i++)
        {
            detector.Update(i * Step, i % 5);
        }

        detector.Update(100 * Step, double.NaN).Should().Be(0);
        detector.Update(101 * Step, 2).Should().BeInRange(0, 1);
    }

    [Fact]
    public void Catalog_HasTheIsolationForest()
    {
        DetectorCatalog.Detectors["isolation-forest"]().Should().BeOfType<NewMaximaOnly>("the forest's scores, only where they set a new high");
    }
}
