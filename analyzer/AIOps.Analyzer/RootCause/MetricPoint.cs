namespace AIOps.Analyzer.RootCause;

/// <summary>One observation of a metric: its value at a time in unix milliseconds.</summary>
public readonly record struct MetricPoint(long TimeMs, double Value);
