using AIOps.Collector.Model;

namespace AIOps.Collector.Storage;

/// <summary>A series with its samples in a time range, oldest first (milliseconds, value).</summary>
public sealed record SeriesData(SeriesKey Series, IReadOnlyList<(long T, double V)> Samples);
