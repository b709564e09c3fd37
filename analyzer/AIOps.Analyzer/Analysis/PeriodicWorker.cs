namespace AIOps.Analyzer.Analysis;

/// <summary>
/// A background loop that does its work at once and then every interval; a failed run is logged and the next one
/// goes on; a disabled worker does nothing. Tests call <see cref="RunOnceAsync"/> directly.
/// </summary>
public abstract class PeriodicWorker(TimeSpan interval, bool enabled, TimeProvider time, ILogger logger) : BackgroundService
{
    public Task RunOnceAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            Work();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            AnalysisLog.StepFailed(logger, GetType().Name, exception);
        }

        return Task.CompletedTask;
    }

    /// <summary>One run's work.</summary>
    protected abstract void Work();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(interval, time);
        do
        {
            await Task.Run(() => RunOnceAsync(stoppingToken), stoppingToken).ConfigureAwait(false);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
