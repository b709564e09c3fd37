namespace AIOps.Collector.Model;

/// <summary>The three kinds of telemetry.</summary>
public enum Signal : byte
{
    Traces,
    Metrics,
    Logs,
}
