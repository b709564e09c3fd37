using AIOps.Analyzer.Analysis;
using AIOps.Collector.Aggregation;
using AIOps.Collector.Storage;

namespace AIOps.Remediator.Scaling;

/// <summary>
/// Reads what <see cref="ScalingDemand"/> is estimated from: each service's requests a second per 10-second window
/// over the scale-in stabilization window (requests served, from the RED aggregates), up to the newest window the
/// collector has settled, and the forecast's peak within a lead time.
/// </summary>
public sealed class DemandReader(TelemetryStore store, RequestRateForecasts forecasts, RemediationOptions options, TimeProvider time)
{
    public static readonly TimeSpan Step = TimeSpan.FromTicks(LiveAggregates.WindowNanos / 100);

    /// <summary>The services that served requests within the stabilization window.</summary>
    public IReadOnlyList<string> Services()
    {
        var (startNanos, endNanos, _) = Window(time.GetUtcNow());
        return [.. store.Red(startNanos, endNanos).Select(w => w.Service).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    public IReadOnlyDictionary<string, ScalingDemand> Read(IReadOnlyCollection<string> services, TimeSpan lead)
    {
        ArgumentNullException.ThrowIfNull(services);
        var now = time.GetUtcNow();
        var stepNanos = LiveAggregates.WindowNanos;
        var (startNanos, endNanos, steps) = Window(now);
        var demand = new Dictionary<string, ScalingDemand>(StringComparer.Ordinal);
        foreach (var service in services)
        {
            var counts = new double[steps];
            var first = steps;
            foreach (var window in store.Red(startNanos, endNanos, service))
            {
                var index = (int)((window.WindowStartUnixNano - startNanos) / stepNanos);
                if (index >= 0 && index < steps)
                {
                    counts[index] += window.Count;
                    first = Math.Min(first, index);
                }
            }

            // Windows before the service's first request are not known quiet: a service just started has no history.
            var rates = counts.Skip(first).Select(c => c / Step.TotalSeconds).ToArray();
            var horizon = now + lead;
            var peak = forecasts.For(service)?.Points.Where(p => p.Time > now && p.Time <= horizon).Select(p => p.Rate).DefaultIfEmpty().Max() ?? 0;
            demand[service] = ScalingDemand.Estimate(rates, Step, peak, options.ScalingReaction);
        }

        return demand;
    }

    private (long StartNanos, long EndNanos, int Steps) Window(DateTimeOffset now)
    {
        var endNanos = LiveAggregates.WindowOf((now - options.ScalingSettle).ToUnixTimeMilliseconds() * 1_000_000);
        var steps = Math.Max(1, (int)(options.ScaleInStabilization.Ticks * 100 / LiveAggregates.WindowNanos));
        return (endNanos - (steps * LiveAggregates.WindowNanos), endNanos, steps);
    }
}
