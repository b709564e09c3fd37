namespace AIOps.Travel.Faults;

/// <summary>A validated fault request.</summary>
public sealed record FaultSpec(FaultKind Kind, double Intensity, TimeSpan Duration, double JitterMs, string? Dependency)
{
    public const double MaxDurationSeconds = 3600;

    /// <summary>Validates a request; on failure <paramref name="error"/> names the offending field.</summary>
    public static bool TryCreate(FaultRequest request, out FaultSpec? spec, out string? error)
    {
        spec = null;
        if (!FaultKinds.TryParse(request.Kind, out var kind))
        {
            error = $"kind must be one of: {string.Join(", ", FaultKinds.Names)}";
            return false;
        }

        var intensity = request.Intensity ?? (kind == FaultKind.Crash ? 1 : double.NaN);
        var duration = request.DurationSeconds ?? (kind == FaultKind.Crash ? 0 : double.NaN);
        error = (kind, intensity, duration) switch
        {
            (_, double.NaN, _) => "intensity is required: " + FaultKinds.DescribeIntensity(kind),
            (not FaultKind.Crash, _, double.NaN) => "durationSeconds is required",
            (not FaultKind.Crash, _, <= 0 or > MaxDurationSeconds) => $"durationSeconds must be in (0, {MaxDurationSeconds}]",
            (FaultKind.Latency or FaultKind.SlowDependency, <= 0 or > 60_000, _) => "intensity must be in (0, 60000] milliseconds",
            (FaultKind.Error or FaultKind.Cpu or FaultKind.ConnectionPool or FaultKind.FailingDependency, <= 0 or > 1, _) => "intensity must be a fraction in (0, 1]",
            (FaultKind.Memory, <= 0 or > 512, _) => "intensity must be in (0, 512] megabytes per second",
            (FaultKind.ThreadPool, < 1 or > 1024, _) => "intensity must be a thread count in [1, 1024]",
            _ => null,
        };
        if (error is null && request.JitterMs is { } jitter && (kind != FaultKind.Latency || jitter < 0 || jitter > 60_000))
        {
            error = kind == FaultKind.Latency ? "jitterMs must be in [0, 60000]" : "jitterMs applies to latency faults only";
        }

        if (error is null && kind is FaultKind.SlowDependency or FaultKind.FailingDependency && string.IsNullOrWhiteSpace(request.Dependency))
        {
            error = "dependency is required for dependency faults";
        }

        if (error is not null)
        {
            return false;
        }

        spec = new FaultSpec(kind, intensity, TimeSpan.FromSeconds(duration), request.JitterMs ?? 0, request.Dependency?.Trim());
        return true;
    }
}
