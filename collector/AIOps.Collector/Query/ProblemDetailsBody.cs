namespace AIOps.Collector.Query;

/// <summary>A minimal problem body for typed results.</summary>
public sealed record ProblemDetailsBody(string Detail);
