namespace AIOps.Analyzer.Changes;

/// <summary>When one instance of a service (its <c>service.instance.id</c>) was first and last seen in a stretch of telemetry.</summary>
/// <param name="Service">The service.</param>
/// <param name="Instance">The instance.</param>
/// <param name="FirstNanos">Its earliest span start seen, unix nanoseconds.</param>
/// <param name="LastNanos">Its latest span start seen, unix nanoseconds.</param>
public readonly record struct InstanceSighting(string Service, string Instance, long FirstNanos, long LastNanos);
