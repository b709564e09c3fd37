namespace AIOps.Analyzer.Forecasting;

/// <summary>Normal prediction intervals around point forecasts, from in-sample residuals.</summary>
public static class PredictionInterval
{
    /// <summary>Root mean square of the residuals <c>x[t] - x[t - lag]</c>: the naive family's error scale.</summary>
    public static double LagResidualScale(IReadOnlyList<double> series, int lag)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (series.Count <= lag)
        {
            return 0;
        }

        var sum = 0.0;
        for (var t = lag; t < series.Count; t++)
        {
            var e = series[t] - series[t - lag];
            sum += e * e;
        }

        return Math.Sqrt(sum / (series.Count - lag));
    }

    /// <summary>Mean plus and minus z times <paramref name="sigma"/> times <paramref name="widening"/>(step), step from 1.</summary>
    public static Forecast Around(IReadOnlyList<double> mean, double sigma, double coverage, Func<int, double> widening)
    {
        ArgumentNullException.ThrowIfNull(mean);
        ArgumentNullException.ThrowIfNull(widening);
        var sigmas = new double[mean.Count];
        for (var i = 0; i < mean.Count; i++)
        {
            sigmas[i] = sigma * widening(i + 1);
        }

        return Around(mean, sigmas, coverage);
    }

    /// <summary>Mean plus and minus z times the step's own error scale, for models that estimate one per step.</summary>
    public static Forecast Around(IReadOnlyList<double> mean, IReadOnlyList<double> sigmas, double coverage)
    {
        ArgumentNullException.ThrowIfNull(mean);
        ArgumentNullException.ThrowIfNull(sigmas);
        var z = StandardNormal.Quantile(0.5 + coverage / 2);
        var lower = new double[mean.Count];
        var upper = new double[mean.Count];
        for (var i = 0; i < mean.Count; i++)
        {
            var half = z * sigmas[i];
            lower[i] = mean[i] - half;
            upper[i] = mean[i] + half;
        }

        return new Forecast(mean, lower, upper);
    }
}
