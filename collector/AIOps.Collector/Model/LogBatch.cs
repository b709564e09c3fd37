namespace AIOps.Collector.Model;

/// <summary>The log records of one export request.</summary>
public sealed record LogBatch(IReadOnlyList<LogData> Records);
