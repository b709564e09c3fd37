namespace AIOps.Collector.Model;

/// <summary>One label of a metric series.</summary>
public readonly record struct Label(string Name, string Value);
