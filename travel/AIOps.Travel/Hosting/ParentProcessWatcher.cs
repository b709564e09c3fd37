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

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), time);
        while (RunOnce() && await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
        }
    }

    private static bool IsAlive(int pid)
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
