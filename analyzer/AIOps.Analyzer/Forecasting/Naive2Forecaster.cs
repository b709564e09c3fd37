namespace AIOps.Analyzer.Forecasting;

/// <summary>
/// The M4 Naive2 benchmark: the naive forecast of the seasonally adjusted series, reseasonalised. The series is
/// adjusted (classical multiplicative decomposition) only when it passes <see cref="SeasonalityTest"/>.
/// </summary>
public sealed class Naive2Forecaster : IForecaster
{
    public string Name => "naive2";

    public Forecast Fit(IReadOnlyList<double> history, int period, int horizon, double coverage)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentOutOfRangeException.ThrowIfZero(history.Count);
        var n = history.Count;
        var indices = SeasonalityTest.IsSeasonal(history, period)
            ? ClassicalDecomposition.MultiplicativeIndices(history, period)
            : [1.0];
        var m = indices.Length;
        var adjusted = new double[n];
        for (var t = 0; t < n; t++)
        {
            adjusted[t] = history[t] / indices[t % m];
        }

        var sigma = PredictionInterval.LagResidualScale(adjusted, 1);
        var level = adjusted[^1];
        var mean = new double[horizon];
        var lower = new double[horizon];
        var upper = new double[horizon];
        var z = StandardNormal.Quantile(0.5 + coverage / 2);
        for (var i = 0; i < horizon; i++)
        {
            var index = indices[(n + i) % m];
            var half = z * sigma * Math.Sqrt(i + 1);
            mean[i] = level * index;
            lower[i] = (level - half) * index;
            upper[i] = (level + half) * index;
        }

        return new Forecast(mean, lower, upper);
    }
}
