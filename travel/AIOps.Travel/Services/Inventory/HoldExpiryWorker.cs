using AIOps.Travel.Telemetry;

namespace AIOps.Travel.Services.Inventory;

/// <summary>Returns stock of holds whose order never completed (a caller that died between hold and payment).</summary>
internal sealed class HoldExpiryWorker(InventoryStore store, TimeProvider time, string type) : BackgroundService
{
    public int RunOnce()
    {
        var expired = store.ExpireDue(time.GetUtcNow());
        if (expired > 0)
        {
            TravelTelemetry.InventoryHolds.Add(expired, new("type", type), new("outcome", "expired"));
        }

        return expired;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(30), time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            RunOnce();
        }
    }
}
