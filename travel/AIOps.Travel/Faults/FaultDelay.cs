using System.Diagnostics;

namespace AIOps.Travel.Faults;

/// <summary>Waits at least the given time: timers may fire a fraction of a millisecond early, and an injected latency must never be less than asked.</summary>
internal static class FaultDelay
{
    public static async Task AtLeastAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
        while (Stopwatch.GetElapsedTime(started) < delay)
        {
            await Task.Delay(1, cancellationToken).ConfigureAwait(false);
        }
    }
}
