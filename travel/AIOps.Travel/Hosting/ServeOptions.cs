using AIOps.Travel.Balancing;
using AIOps.Travel.Telemetry;

namespace AIOps.Travel.Hosting;

/// <summary>Everything one service process needs to start.</summary>
public sealed record ServeOptions
{
    public static readonly IReadOnlyList<string> Services = ["gateway", "user", "hotel", "flight", "order", "payment", "promotion", "notification"];

    public const int DefaultGatewayPort = 5000;
    public const int DefaultRegistryPort = 5010;

    public required string Service { get; init; }

    /// <summary>0 picks a free port (replicas); the gateway defaults to 5000.</summary>
    public int Port { get; init; }

    public string? InstanceId { get; init; }

    /// <summary>The address Kestrel binds: loopback on one machine, 0.0.0.0 in a container.</summary>
    public string ListenAddress { get; init; } = "127.0.0.1";

    /// <summary>The URL registered for callers (in Kubernetes, the pod IP); default: the bound address.</summary>
    public string? AdvertisedAddress { get; init; }

    public Uri Registry { get; init; } = new($"http://127.0.0.1:{DefaultRegistryPort}/");

    public required string DataDirectory { get; init; }

    public BalancingStrategyKind Balancing { get; init; } = BalancingStrategyKind.RoundRobin;

    public int Weight { get; init; } = 1;

    public required TelemetryOptions Telemetry { get; init; }

    /// <summary>How long a leased queue message stays invisible to other consumers.</summary>
    public TimeSpan QueueLease { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>First retry delay of a failed message; doubles per attempt.</summary>
    public TimeSpan QueueRetryBase { get; init; } = TimeSpan.FromSeconds(1);

    public int QueueMaxAttempts { get; init; } = 5;

    /// <summary>Requests this instance works on at once; 0 sets no limit (see <see cref="Capacity.WorkerPool"/>).</summary>
    public int Workers { get; init; }

    /// <summary>The simulated work each request holds a worker for.</summary>
    public TimeSpan WorkTime { get; init; }

    /// <summary>Requests that may wait for a worker; more are refused with 503.</summary>
    public int QueueLimit { get; init; } = 200;

    /// <summary>The parent process (the demo supervisor); the service exits when it disappears.</summary>
    public int? ParentPid { get; init; }
}
