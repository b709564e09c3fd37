namespace AIOps.Analyzer.Signals;

/// <summary>An indicator's value over one step (the 10-second window starting at <see cref="TimeMs"/>).</summary>
public readonly record struct IndicatorSample(IndicatorKey Key, long TimeMs, double Value);
