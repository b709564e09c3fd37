namespace AIOps.Collector.Model;

/// <summary>One value of one series at one time (milliseconds since the Unix epoch), as in Prometheus.</summary>
public readonly record struct MetricSample(SeriesKey Series, long TimestampMs, double Value);
