namespace AIOps.Collector.Model;

/// <summary>A metric family's type, unit and help text.</summary>
public sealed record MetricMetadata(string Name, MetricType Type, string? Unit, string? Help);
