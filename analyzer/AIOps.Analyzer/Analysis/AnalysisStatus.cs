namespace AIOps.Analyzer.Analysis;

/// <summary>Where the live analysis stands: when it last ran, the end of the last window analysed, and its indicators.</summary>
/// <param name="LastRunAt">When the last run began; null before the first.</param>
/// <param name="AnalysedUpTo">The end of the last 10-second window analysed; null before the first run.</param>
/// <param name="Indicators">Indicators watched (a service's or an operation's rate, errors, latency, runtime metric).</param>
/// <param name="WarmIndicators">Of those, the ones whose detector has seen its warm-up steps and can report.</param>
/// <param name="ActiveSignals">Indicators with a signal in progress.</param>
public sealed record AnalysisStatus(DateTimeOffset? LastRunAt, DateTimeOffset? AnalysedUpTo, int Indicators, int WarmIndicators, int ActiveSignals);
