namespace AIOps.Analyzer.Forecasting;

/// <summary>
/// Exponential smoothing with additive seasonality and a damped additive trend (Holt-Winters, damped),
/// smoothing parameters chosen by grid search on the in-sample one-step errors. The interval comes from
/// the one-step error spread, widened with the horizon as the ETS(A,Ad,A) forecast variance grows.
/// Pure: history in, forecast out.
/// </summary>
public sealed class HoltWintersForecaster : IForecaster
{
    private static readonly double[] s_alphas = [0.05, 0.1, 0.2, 0.35, 0.5, 0.7];
    private static readonly double[] s_betas = [0.0, 0.01, 0.05, 0.1];
    private static readonly double[] s_gammas = [0.01, 0.05, 0.1, 0.2, 0.35];
    private static readonly double[] s_phis = [0.8, 0.9, 0.98];

    public string Name => "holt-winters";

    public Forecast Fit(IReadOnlyList<double> history, int period, int horizon, double coverage)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(history.Count, 2);
        var m = period > 1 && history.Count >= 2 * period ? period : 1;
        var best = (Sse: double.MaxValue, Alpha: 0.2, Beta: 0.0, Gamma: 0.1, Phi: 0.9);
        foreach (var alpha in s_alphas)
        {
            foreach (var beta in s_betas)
            {
                foreach (var gamma in m == 1 ? [0.0] : s_gammas)
                {
                    foreach (var phi in s_phis)
                    {
                        var sse = Run(history, m, alpha, beta, gamma, phi, 0, null).Sse;
                        if (sse < best.Sse)
                        {
                            best = (sse, alpha, beta, gamma, phi);
                        }
                    }
                }
            }
        }

        var mean = new double[horizon];
        var state = Run(history, m, best.Alpha, best.Beta, best.Gamma, best.Phi, horizon, mean);
        var sigma = Math.Sqrt(state.Sse / Math.Max(1, history.Count - m - 1));
        var z = StandardNormal.Quantile(0.5 + (coverage / 2));
        var lower = new double[horizon];
        var upper = new double[horizon];
        double cumulative = 0;
        for (var h = 1; h <= horizon; h++)
        {
            // Variance of the h-step error of ETS(A,Ad,A): sigma^2 (1 + sum_j c_j^2).
            var phiSum = best.Phi * (1 - Math.Pow(best.Phi, h - 1)) / (1 - best.Phi);
            var c = best.Alpha + (best.Alpha * best.Beta * phiSum) + (m > 1 && (h - 1) % m == 0 && h > 1 ? best.Gamma : 0);
            var width = z * sigma * Math.Sqrt(1 + cumulative);
            lower[h - 1] = mean[h - 1] - width;
            upper[h - 1] = mean[h - 1] + width;
            cumulative += c * c;
        }

        return new Forecast(mean, lower, upper);
    }

    private static (double Sse, double Level) Run(IReadOnlyList<double> y, int m, double alpha, double beta, double gamma, double phi, int horizon, double[]? forecast)
    {
        // Initial level and trend from the first two cycles, seasonal indices from the first cycle.
        var level = y.Take(m).Average();
        var trend = m > 1 && y.Count >= 2 * m ? (y.Skip(m).Take(m).Average() - level) / m : y[1] - y[0];
        var season = new double[m];
        for (var i = 0; i < m; i++)
        {
            season[i] = m == 1 ? 0 : y[i] - level;
        }

        double sse = 0;
        for (var t = m == 1 ? 1 : m; t < y.Count; t++)
        {
            var s = season[t % m];
            var predicted = level + (phi * trend) + s;
            var error = y[t] - predicted;
            sse += error * error;
            var previousLevel = level;
            level = previousLevel + (phi * trend) + (alpha * error);
            trend = (phi * trend) + (beta * alpha * error);
            season[t % m] = s + (gamma * (1 - alpha) * error);
        }

        if (forecast is not null)
        {
            var damped = 0.0;
            for (var h = 1; h <= horizon; h++)
            {
                damped += Math.Pow(phi, h);
                forecast[h - 1] = level + (damped * trend) + season[(y.Count + h - 1) % m];
            }
        }

        return (sse, level);
    }
}
