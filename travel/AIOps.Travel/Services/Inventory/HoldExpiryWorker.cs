using AIOps.Travel.Telemetry;

namespace AIOps.Travel.Services.Inventory;

/// <summary>
/// Returns stock of holds whose order never completed (a caller that died between hold and payment). A sweep that
/// fails (the shared database busy past its deadline, say) is logged and retried at the next one: were it to end the
/// worker, the host would stop the replica.
/// </summary>
internal sealed class HoldExpiryWorker(InventoryStore store, TimeProvider time, string type, ILogger<HoldExpiryWorker> logger) : BackgroundService
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
            try
            {
                RunOnce();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                InventoryLog.ExpiryFailed(logger, type, ex.Message);
            }
        }
    }
}
