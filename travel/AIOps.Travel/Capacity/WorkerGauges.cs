using AIOps.Travel.Telemetry;

namespace AIOps.Travel.Capacity;

/// <summary>The worker pool's saturation as observable gauges: workers busy, requests waiting, requests refused.</summary>
internal static class WorkerGauges
{
    private static WorkerPool? s_pool;

    public static void Register(WorkerPool pool)
    {
        if (Interlocked.Exchange(ref s_pool, pool) is not null)
        {
            return;
        }

        TravelTelemetry.Meter.CreateObservableGauge("travel.workers.busy", () => s_pool?.Busy ?? 0, "{worker}", "Workers doing a request's work");
        TravelTelemetry.Meter.CreateObservableGauge("travel.workers.limit", () => s_pool?.Workers ?? 0, "{worker}", "Workers this instance has");
        TravelTelemetry.Meter.CreateObservableGauge("travel.workers.waiting", () => s_pool?.Waiting ?? 0, "{request}", "Requests waiting for a worker");
        TravelTelemetry.Meter.CreateObservableCounter("travel.workers.refused", () => s_pool?.Refused ?? 0, "{request}", "Requests refused with 503 because the queue was full");
    }
}
