using System.Globalization;

namespace AIOps.Remediator.Scaling;

/// <summary>
/// A service's request rate as predictive scaling sees it, in requests a second: now, projected over the time a new
/// replica takes to serve, the forecast's peak within the policy's lead, and the highest rate over the scale-in
/// stabilization window. Raising follows <see cref="Rising"/>; lowering waits until <see cref="Settled"/> allows it,
/// so a dip inside a surge does not scale in.
/// </summary>
public sealed record ScalingDemand(double Now, double Projected, double ForecastPeak, double RecentPeak)
{
    /// <summary>What the replicas must cover from now on.</summary>
    public double Rising => Math.Max(Now, Math.Max(Projected, ForecastPeak));

    /// <summary>What the replicas must still cover before any are taken away.</summary>
    public double Settled => Math.Max(Rising, RecentPeak);

    /// <summary>Steps (oldest first) averaged for the rate now.</summary>
    public const int NowSteps = 3;

    /// <summary>
    /// Estimates the demand from per-step request rates, oldest first, the newest complete step last. Pure.
    /// </summary>
    /// <param name="rates">Requests a second per step over the stabilization window.</param>
    /// <param name="step">The step's length.</param>
    /// <param name="forecastPeak">The forecast's highest mean within the lead (0 when there is none).</param>
    /// <param name="reaction">How long a new replica takes to serve: the rising trend is projected this far.</param>
    /// <param name="trendSteps">The newest steps the trend is fitted over (least squares).</param>
    public static ScalingDemand Estimate(IReadOnlyList<double> rates, TimeSpan step, double forecastPeak, TimeSpan reaction, int trendSteps = 6)
    {
        ArgumentNullException.ThrowIfNull(rates);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(step, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(trendSteps, 2);
        if (rates.Count == 0)
        {
            return new ScalingDemand(0, 0, Math.Max(0, forecastPeak), 0);
        }

        var now = rates.Skip(Math.Max(0, rates.Count - NowSteps)).Average();
        var projected = now;
        // A trend needs history before it: the first minutes of a service (its traffic starting mid-window, a load
        // ramping up) are a start, not a surge.
        var n = trendSteps;
        if (rates.Count >= 2 * trendSteps)
        {
            // Least-squares line over the newest n steps, read at the newest step plus the reaction time.
            var meanX = (n - 1) / 2.0;
            var recent = rates.Skip(rates.Count - n).ToArray();
            var meanY = recent.Average();
            double sxy = 0, sxx = 0;
            for (var i = 0; i < n; i++)
            {
                sxy += (i - meanX) * (recent[i] - meanY);
                sxx += (i - meanX) * (i - meanX);
            }

            // Only a trend that stands out of the noise is projected (slope over twice its standard error): a flash
            // sale's ramp does, a noisy plateau does not.
            var slope = sxy / sxx;
            var residuals = 0.0;
            for (var i = 0; i < n; i++)
            {
                var fitted = meanY + (slope * (i - meanX));
                residuals += (recent[i] - fitted) * (recent[i] - fitted);
            }

            var standardError = Math.Sqrt(residuals / (n - 2) / sxx);
            if (slope > 0 && slope > 2 * standardError)
            {
                projected = Math.Max(now, meanY + (slope * ((n - 1 - meanX) + (reaction / step))));
            }
        }

        return new ScalingDemand(now, projected, Math.Max(0, forecastPeak), rates.Max());
    }

    /// <summary>The replicas <paramref name="demand"/> needs at <paramref name="ratePerReplica"/> with <paramref name="headroom"/>.</summary>
    public static int Replicas(double demand, double ratePerReplica, double headroom) =>
        ratePerReplica <= 0 ? 0 : (int)Math.Ceiling(Math.Round(demand * (1 + headroom) / ratePerReplica, 9));

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Now:0.#} req/s now, {Projected:0.#} projected, forecast peak {ForecastPeak:0.#}, recent peak {RecentPeak:0.#}");
}
