using AIOps.Analyzer.RootCause;
using BenchmarkDotNet.Attributes;

namespace AIOps.Benchmarks;

/// <summary>
/// Ranking one incident's root causes from spans: ten minutes of the travel platform's traces holding one million
/// spans (five minutes of baseline, five of incident, in which payment's own work has slowed by 20 ms), and the same
/// with a million spans in the incident window alone plus a million in the baseline.
/// </summary>
[MemoryDiagnoser]
public class RootCauseBenchmarks
{
    private const long MinuteNanos = 60_000_000_000;
    private const long StartNanos = 1_700_000_000_000_000_000;

    private IncidentEvidence _tenMinutes = null!;
    private IncidentEvidence _twoMillion = null!;

    [GlobalSetup]
    public void Setup()
    {
        var anomaly = StartNanos + (5 * MinuteNanos);
        _tenMinutes = new IncidentEvidence(
            anomaly / 1_000_000,
            SyntheticTraces.Generate(500_000, StartNanos, anomaly, seed: 1),
            SyntheticTraces.Generate(500_000, anomaly, anomaly + (5 * MinuteNanos), seed: 2, paymentSlowdownMs: 20),
            [],
            []);
        _twoMillion = new IncidentEvidence(
            anomaly / 1_000_000,
            SyntheticTraces.Generate(1_000_000, StartNanos - (5 * MinuteNanos), anomaly, seed: 3),
            SyntheticTraces.Generate(1_000_000, anomaly, anomaly + (10 * MinuteNanos), seed: 4, paymentSlowdownMs: 20),
            [],
            []);
        var top = new RootCauseAnalyzer().Rank(_tenMinutes)[0].Service;
        if (top != "payment")
        {
            throw new InvalidOperationException($"the synthetic incident ranks {top} first, not payment");
        }
    }

    [Benchmark]
    public IReadOnlyList<RankedCause> OneMillionSpans() => new RootCauseAnalyzer().Rank(_tenMinutes);

    [Benchmark]
    public IReadOnlyList<RankedCause> OneMillionIncidentSpansPlusBaseline() => new RootCauseAnalyzer().Rank(_twoMillion);
}
