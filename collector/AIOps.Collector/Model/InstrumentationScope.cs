namespace AIOps.Collector.Model;

/// <summary>The library that produced a signal.</summary>
public sealed record InstrumentationScope(string Name, string? Version)
{
    public static InstrumentationScope None { get; } = new(string.Empty, null);
}
