using System.Diagnostics;

namespace AIOps.Travel.Hosting;

/// <summary>
/// Stops this process when the process that started it is gone, so that killing a supervisor with
/// SIGKILL leaves no orphaned services behind.
/// </summary>
internal sealed class ParentProcessWatcher(int parentPid, IHostApplicationLifetime lifetime, TimeProvider time, ILogger<ParentProcessWatcher> logger) : BackgroundService
{
    public bool RunOnce()
    {
        if (IsAlive(parentPid))
        {
            return true;
        }

        HostingLog.ParentGone(logger, parentPid);
        lifetime.StopApplication();
        return false;
    }

    /// <summary>Cancels <paramref name="source"/> once <paramref name="pid"/> has ended (for commands without a host).</summary>
    public static async Task CancelWhenGoneAsync(int pid, CancellationTokenSource source)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (IsAlive(pid) && await timer.WaitForNextTickAsync(source.Token).ConfigureAwait(false))
            {
            }

            await source.CancelAsync().ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The command ended first.
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), time);
        while (RunOnce() && await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
        }
    }

    public static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
