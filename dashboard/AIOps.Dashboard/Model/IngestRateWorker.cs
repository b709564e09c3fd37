namespace AIOps.Dashboard.Model;

/// <summary>Reads the ingest counters every <see cref="IngestRateSampler.Interval"/>, so the system page can show rates.</summary>
public sealed class IngestRateWorker(IngestRateSampler sampler, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        sampler.Sample();
        using var timer = new PeriodicTimer(IngestRateSampler.Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            sampler.Sample();
        }
    }
}
