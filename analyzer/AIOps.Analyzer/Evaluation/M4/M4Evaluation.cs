using AIOps.Analyzer.Forecasting;

namespace AIOps.Analyzer.Evaluation.M4;

/// <summary>Scores a forecaster on every series of an M4 subset, with the Naive2 and sNaive benchmarks.</summary>
public static class M4Evaluation
{
    /// <summary>
    /// Fits each series' training part and scores the forecast of its test part; MSIS uses alpha = 1 - coverage.
    /// </summary>
    public static M4Result Run(M4Dataset dataset, IForecaster forecaster, double coverage = 0.95)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(forecaster);
        var model = Average(dataset, forecaster, coverage);
        var naive2 = Average(dataset, new Naive2Forecaster(), coverage);
        var seasonal = Average(dataset, new SeasonalNaiveForecaster(), coverage);
        return new M4Result(
            Score(forecaster.Name, model, naive2),
            Score("naive2", naive2, naive2),
            Score("snaive", seasonal, naive2));
    }

    private static M4Score Score(string name, (double Smape, double Mase, double Msis) metrics, (double Smape, double Mase, double Msis) naive2) =>
        new(name, metrics.Smape, metrics.Mase, M4Metrics.Owa(metrics.Smape, metrics.Mase, naive2.Smape, naive2.Mase), metrics.Msis);

    private static (double Smape, double Mase, double Msis) Average(M4Dataset dataset, IForecaster forecaster, double coverage)
    {
        var series = dataset.Series;
        var smape = new double[series.Count];
        var mase = new double[series.Count];
        var msis = new double[series.Count];
        // Series are independent; forecasters are pure, so they can be fitted in parallel.
        Parallel.For(0, series.Count, i =>
        {
            var s = series[i];
            var forecast = forecaster.Fit(s.Train, dataset.Period, dataset.Horizon, coverage);
            smape[i] = M4Metrics.Smape(s.Test, forecast.Mean);
            mase[i] = M4Metrics.Mase(s.Train, s.Test, forecast.Mean, dataset.Period);
            msis[i] = M4Metrics.Msis(s.Train, s.Test, forecast.Lower, forecast.Upper, dataset.Period, 1 - coverage);
        });
        return (smape.Average(), mase.Average(), msis.Average());
    }
}
