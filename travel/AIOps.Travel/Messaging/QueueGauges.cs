using AIOps.Travel.Telemetry;

namespace AIOps.Travel.Messaging;

/// <summary>The queue's depth, in-flight and dead-letter counts as observable gauges (read from the last stats a consumer saw).</summary>
internal static class QueueGauges
{
    private static Func<QueueStats?>? s_source;

    public static void Register(Func<QueueStats?> source)
    {
        if (Interlocked.Exchange(ref s_source, source) is not null)
        {
            return;
        }

        TravelTelemetry.Meter.CreateObservableGauge("travel.queue.depth", () => s_source?.Invoke()?.Depth ?? 0, "{message}", "Messages waiting or in flight in the notification queue");
        TravelTelemetry.Meter.CreateObservableGauge("travel.queue.in_flight", () => s_source?.Invoke()?.InFlight ?? 0, "{message}", "Messages leased by a consumer");
        TravelTelemetry.Meter.CreateObservableGauge("travel.queue.dead_letters", () => s_source?.Invoke()?.DeadLettered ?? 0, "{message}", "Messages in the dead-letter table");
    }
}
