namespace AIOps.Dashboard.Model.Charts;

/// <summary>One value of a series at a time; null where there was no data (the line breaks there).</summary>
public readonly record struct ChartPoint(DateTimeOffset Time, double? Value);
