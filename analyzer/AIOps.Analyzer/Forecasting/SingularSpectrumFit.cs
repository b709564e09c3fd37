namespace AIOps.Analyzer.Forecasting;

/// <summary>
/// One series decomposed by singular spectrum analysis, and its recurrent forecasts backtested for every
/// signal rank r up to the cap: from each origin, the series before it is reconstructed from the first r
/// eigenvectors and continued by their recurrence. The rank with the smallest relative error
/// <c>|a - f| / (|a| + |f|)</c> on the original scale (through <c>inverse</c>, for a transformed series) is kept,
/// with its squared errors per step ahead on the fitted scale for the interval.
/// </summary>
internal sealed class SingularSpectrumFit
{
    private SingularSpectrumFit(double score, double[] mean, double[] sigmas)
    {
        Score = score;
        Mean = mean;
        Sigmas = sigmas;
    }

    /// <summary>The best rank's mean relative backtest error on the original scale, comparable across transforms.</summary>
    public double Score { get; }

    /// <summary>The best rank's forecast from the end, on the fitted scale.</summary>
    public double[] Mean { get; }

    /// <summary>The best rank's root mean square backtest error per step ahead, on the fitted scale.</summary>
    public double[] Sigmas { get; }

    /// <returns>Null when no origin fits before the end or no rank gives a stable recurrence.</returns>
    public static SingularSpectrumFit? Run(double[] values, int window, int maxComponents, SpectrumBacktest backtest, Func<double, double> inverse)
    {
        var offset = values.Average();
        var series = values.Select(x => x - offset).ToArray();
        var covariance = TrajectoryMatrix.LagCovariance(series, window);
        var basis = LeadingEigenpairs.Compute(covariance, window, Math.Min(maxComponents, window - 1)).Vectors;
        var recurrences = Enumerable.Range(1, basis.Length).Select(r => LinearRecurrence.FromBasis(basis[..r])).ToArray();
        var horizon = backtest.Horizon;
        var squares = new double[basis.Length, horizon];
        var relative = new double[basis.Length];
        var ends = backtest.Ends(series.Length, (2 * window) - 2);
        foreach (var end in ends)
        {
            var forecasts = Forecasts(series, end, basis, recurrences, horizon);
            for (var r = 0; r < basis.Length; r++)
            {
                for (var h = 0; h < horizon && forecasts[r] is { } forecast; h++)
                {
                    var error = series[end + h] - forecast[h];
                    squares[r, h] += error * error;
                    var (actual, predicted) = (inverse(series[end + h] + offset), inverse(forecast[h] + offset));
                    relative[r] += Math.Abs(actual - predicted) / Math.Max(1e-12, Math.Abs(actual) + Math.Abs(predicted));
                }
            }
        }

        var ranks = Enumerable.Range(0, basis.Length).Where(r => recurrences[r] is not null && double.IsFinite(relative[r])).ToList();
        if (ends.Count == 0 || ranks.Count == 0)
        {
            return null;
        }

        var rank = ranks.MinBy(r => relative[r]);
        var mean = Forecasts(series, series.Length, basis[..(rank + 1)], recurrences, horizon)[rank]!;
        return new SingularSpectrumFit(
            relative[rank] / (ends.Count * horizon),
            [.. mean.Select(x => x + offset)],
            backtest.Scales(Enumerable.Range(0, horizon).Select(h => squares[rank, h]).ToArray(), ends.Count));
    }

    // The recurrent forecast from end of every rank whose recurrence is stable, reconstructed from data before end.
    private static double[]?[] Forecasts(double[] series, int end, double[][] basis, LinearRecurrence?[] recurrences, int horizon)
    {
        var components = TrajectoryMatrix.TailComponents(series, end, basis);
        var tail = new double[components[0].Length];
        var forecasts = new double[]?[components.Length];
        for (var r = 0; r < components.Length; r++)
        {
            DenseVector.AddScaled(tail, 1, components[r]);
            forecasts[r] = recurrences[r]?.Continue(tail, horizon);
        }

        return forecasts;
    }
}
