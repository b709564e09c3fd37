using System.Globalization;
using AIOps.Dashboard.Chaos;

namespace AIOps.Dashboard.Demo;

/// <summary>
/// Watches a running demo from outside, as an operator would: waits for the analysis to warm up, polls the host's API
/// until something shows or a deadline passes, and writes timestamped progress lines.
/// </summary>
public sealed class DemoWatch(DemoProcess demo, TimeProvider time, TextWriter progress, TimeSpan pollInterval)
{
    private readonly DateTimeOffset _started = time.GetUtcNow();

    public DemoProcess Demo => demo;

    public DateTimeOffset Started => _started;

    /// <summary>Waits until <paramref name="share"/> of the indicators are warm and at least <paramref name="minimum"/> has passed since the start.</summary>
    public async Task WarmAsync(TimeSpan minimum, double share, TimeSpan limit, string waitingFor, CancellationToken cancellationToken)
    {
        var reported = TimeSpan.Zero;
        while (true)
        {
            var status = await demo.GetAsync("/api/v1/analysis", cancellationToken).ConfigureAwait(false);
            var indicators = status.GetProperty("indicators").GetInt32();
            var warm = status.GetProperty("warmIndicators").GetInt32();
            var elapsed = time.GetUtcNow() - _started;
            if (indicators > 0 && warm >= indicators * share && elapsed >= minimum)
            {
                Say(string.Create(CultureInfo.InvariantCulture, $"analysis warm: {warm} of {indicators} indicators"));
                return;
            }

            if (elapsed > limit)
            {
                throw new TimeoutException(string.Create(CultureInfo.InvariantCulture, $"the analysis was not warm after {limit.TotalMinutes} min: {warm} of {indicators} indicators"));
            }

            if (elapsed - reported >= TimeSpan.FromMinutes(1))
            {
                reported = elapsed;
                Say(string.Create(CultureInfo.InvariantCulture, $"warming up: {warm} of {indicators} indicators warm; {waitingFor}"));
            }

            await Task.Delay(TimeSpan.FromSeconds(5), time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Polls <paramref name="probe"/> until it finds something (returned) or <paramref name="deadline"/> passes (null).</summary>
    public async Task<T?> UntilAsync<T>(DateTimeOffset deadline, Func<Task<T?>> probe, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(probe);
        while (true)
        {
            try
            {
                if (await probe().ConfigureAwait(false) is { } found)
                {
                    return found;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or InvalidOperationException && !cancellationToken.IsCancellationRequested)
            {
                // A busy host, or a registry it cannot read for a moment, may miss a poll: the next one asks again.
                Say("  the host did not answer: " + ex.Message);
            }

            var left = deadline - time.GetUtcNow();
            if (left <= TimeSpan.Zero)
            {
                return null;
            }

            await Task.Delay(left < pollInterval ? left : pollInterval, time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The host's incidents matching <paramref name="query"/> (e.g. "status=open", "from=UNIX_SECONDS").</summary>
    public async Task<IReadOnlyList<ChaosIncident>> IncidentsAsync(string query, CancellationToken cancellationToken)
    {
        var incidents = await demo.GetAsync("/api/v1/incidents?" + query, cancellationToken).ConfigureAwait(false);
        return [.. incidents.EnumerateArray().Select(ChaosIncident.FromJson)];
    }

    public void Say(string line) =>
        progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{time.GetUtcNow() - _started:hh\\:mm\\:ss}] {line}"));
}
