namespace AIOps.Analyzer.Forecasting;

/// <summary>
/// An autoregression of a regression's residuals on their values one step and one period back (one step only
/// without a season), so a forecast starts from where the series is rather than where the fitted components put
/// it, and a departure of the last day carries into the next, both fading with the horizon. Kept stationary: the
/// coefficients' magnitudes sum below one.
/// </summary>
internal sealed class ResidualAutoregression
{
    private const double MaxPersistence = 0.98;
    private readonly double _previous;
    private readonly double _seasonal;
    private readonly int _period;
    private readonly double _innovationVariance;

    public ResidualAutoregression(ReadOnlySpan<double> residuals, int period)
    {
        _period = period >= 2 ? period : 1;
        double s11 = 0, s12 = 0, s22 = 0, s1y = 0, s2y = 0;
        var rows = 0;
        for (var t = _period; t < residuals.Length; t++)
        {
            var (a, b, y) = (residuals[t - 1], _period > 1 ? residuals[t - _period] : 0, residuals[t]);
            s11 += a * a;
            s12 += a * b;
            s22 += b * b;
            s1y += a * y;
            s2y += b * y;
            rows++;
        }

        // A whisper of ridge keeps the system solvable; residuals that vanish (the components fit exactly) get none.
        var ridge = 1e-9 * (s11 + s22);
        var det = ((s11 + ridge) * (s22 + ridge)) - (s12 * s12);
        var (phi1, phi2) = (0.0, 0.0);
        if (rows >= 10 && s11 > 0 && _period == 1)
        {
            phi1 = s1y / (s11 + ridge);
        }
        else if (rows >= 10 && det > 0 && double.IsNormal(det))
        {
            (phi1, phi2) = ((((s22 + ridge) * s1y) - (s12 * s2y)) / det, (((s11 + ridge) * s2y) - (s12 * s1y)) / det);
        }

        var sum = Math.Abs(phi1) + Math.Abs(phi2);
        if (sum > MaxPersistence)
        {
            phi1 *= MaxPersistence / sum;
            phi2 *= MaxPersistence / sum;
        }

        (_previous, _seasonal) = (phi1, phi2);
        var sse = 0.0;
        for (var t = _period; t < residuals.Length; t++)
        {
            var e = residuals[t] - (_previous * residuals[t - 1]) - (_seasonal * residuals[t - _period]);
            sse += e * e;
        }

        _innovationVariance = rows == 0 ? 0 : sse / rows;
    }

    /// <summary>The residuals expected over the next <paramref name="horizon"/> steps, and the variances of their errors.</summary>
    public (double[] Correction, double[] Variance) Forecast(ReadOnlySpan<double> residuals, int horizon)
    {
        var n = residuals.Length;
        var path = new double[n + horizon];
        residuals.CopyTo(path);
        var psi = new double[horizon];
        var correction = new double[horizon];
        var variance = new double[horizon];
        var cumulative = 0.0;
        for (var h = 0; h < horizon; h++)
        {
            var t = n + h;
            path[t] = (t >= 1 ? _previous * path[t - 1] : 0) + (t >= _period ? _seasonal * path[t - _period] : 0);
            correction[h] = path[t];

            // The h-step error is a sum of future innovations weighted by the recursion's impulse response psi.
            psi[h] = h == 0 ? 1 : (_previous * psi[h - 1]) + (h >= _period ? _seasonal * psi[h - _period] : 0);
            cumulative += psi[h] * psi[h];
            variance[h] = _innovationVariance * cumulative;
        }

        return (correction, variance);
    }
}
