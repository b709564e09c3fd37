using System.Diagnostics;

namespace AIOps.Dashboard.Demo;

/// <summary>
/// The process that started this one, for `aiops demo --parent-pid`: a driver killed outright (SIGKILL) cannot stop
/// the demo it started, so the demo watches it and stops itself, and its platform with it.
/// </summary>
internal static class ParentProcess
{
    /// <summary>Cancels <paramref name="stop"/> once <paramref name="pid"/> has ended; returns when either happened.</summary>
    public static async Task CancelWhenGoneAsync(int pid, CancellationTokenSource stop)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (Runs(pid))
            {
                await timer.WaitForNextTickAsync(stop.Token).ConfigureAwait(false);
            }

            await Console.Error.WriteLineAsync($"aiops demo: process {pid}, which started the demo, is gone; stopping").ConfigureAwait(false);
            await stop.CancelAsync().ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The demo stopped first.
        }
    }

    private static bool Runs(int pid)
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
