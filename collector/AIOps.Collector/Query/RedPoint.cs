namespace AIOps.Collector.Query;

/// <summary>RED over one step: requests per second, error ratio, latency percentiles and mean in milliseconds.</summary>
public sealed record RedPoint(double Time, long Requests, double Rate, double ErrorRate, double? P50Ms, double? P95Ms, double? P99Ms, double? MeanMs);
