using System.Diagnostics;
using AIOps.Analyzer.Detection;
using AIOps.Analyzer.Evaluation.Nab;

namespace AIOps.Analyzer.Tests.Evaluation.Nab;

public sealed class NabEvaluationTests(NabCorpusFixture nab) : IClassFixture<NabCorpusFixture>
{
    [Fact]
    public void Run_NumentaReplay_ReproducesTheScoreboardInSeconds()
    {
        var started = Stopwatch.GetTimestamp();

        var result = NabEvaluation.Run(nab.Corpus, file => new NabReplayDetector(nab.NumentaScores[file.Name]));

        Stopwatch.GetElapsedTime(started).Should().BeLessThan(TimeSpan.FromSeconds(10));
        result.Standard.Should().BeApproximately(70.10, 0.01);
        result.RewardLowFnRate.Should().BeApproximately(74.32, 0.01);
        result.RewardLowFpRate.Should().BeGreaterThanOrEqualTo(63.11);
    }

    [Fact]
    public void Run_DetectorFactory_GivesEachFileAFreshDetectorFedInOrder()
    {
        var detectors = new List<RecordingDetector>();

        var result = NabEvaluation.Run(nab.Corpus, () =>
        {
            var detector = new RecordingDetector();
            detectors.Add(detector);
            return detector;
        });

        detectors.Should().HaveCount(58);
        for (var i = 0; i < detectors.Count; i++)
        {
            detectors[i].Timestamps.Should().Equal(nab.Corpus.Files[i].Timestamps, nab.Corpus.Files[i].Name);
        }

        result.Scores.Should().HaveCount(3).And.OnlyContain(s => s.Normalized >= 0);
    }

    [Fact]
    public void Run_DefaultDetector_BeatsNumentaHtmOnEveryProfile()
    {
        var result = NabEvaluation.Run(nab.Corpus, DetectorCatalog.Detectors[DetectorCatalog.Default]);

        result.Standard.Should().BeGreaterThan(70.1);
        result.RewardLowFpRate.Should().BeGreaterThan(63.1);
        result.RewardLowFnRate.Should().BeGreaterThan(74.3);
        result.Scores.Should().OnlyContain(s => Math.Abs(s.Threshold - 0.5) < 0.06, "0.5 is the calibrated alert level");
    }

    [Fact]
    public void DetectorCatalog_Detectors_AreFreshInstancesPerCall()
    {
        foreach (var (name, factory) in DetectorCatalog.Detectors)
        {
            factory().Should().NotBeSameAs(factory(), name);
        }
    }

    private sealed class RecordingDetector : IStreamingDetector
    {
        public List<long> Timestamps { get; } = [];

        public double Update(long timestampMs, double value)
        {
            Timestamps.Add(timestampMs);
            return Math.Abs(value) > 1000 ? 1 : 0;
        }
    }
}
