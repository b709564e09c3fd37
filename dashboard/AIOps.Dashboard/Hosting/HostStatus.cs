namespace AIOps.Dashboard.Hosting;

/// <summary>The host's own state: when it started, and what the demo (if any) is doing.</summary>
public sealed class HostStatus(TimeProvider time)
{
    public DateTimeOffset StartedAt { get; } = time.GetUtcNow();

    public string Version { get; } = typeof(HostStatus).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    /// <summary>Null outside the demo; otherwise "starting", "running" or "stopping", with a detail.</summary>
    public string? DemoPhase { get; set; }

    public string? DemoDetail { get; set; }

    public IReadOnlyDictionary<string, string> Links { get; set; } = new Dictionary<string, string>();

    public TimeSpan Uptime => time.GetUtcNow() - StartedAt;
}
