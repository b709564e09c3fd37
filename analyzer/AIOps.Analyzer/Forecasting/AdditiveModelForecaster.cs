namespace AIOps.Analyzer.Forecasting;

/// <summary>
/// A decomposable regression in the manner of Prophet: the series is a piecewise-linear trend, plus daily and
/// weekly seasons as Fourier series, plus an effect shared by known event windows (flash sales), plus noise.
/// The trend may change slope at candidate change points spread over the first part of the history; a Laplace
/// prior on each change keeps most at zero, so the trend bends only where the data insists. All components are
/// fitted at once as the posterior mode (see <see cref="AdditiveModelFit"/>) and extended into the horizon, the
/// trend with its last slope. Unlike Prophet, the residuals then get an autoregression on the last step and the
/// same step a period back (<see cref="AdditiveModelOptions.Autoregression"/>), so the forecast starts from the
/// series' current departure from its components instead of ignoring it.
/// <para>
/// Intervals combine the residuals' forecast error, the coefficients' uncertainty, and a trend drift that grows
/// with the horizon as if slope changes kept arriving as they did in the history. The last <c>horizon</c> points
/// (at most a quarter of the history) are also forecast from the rest: in <see cref="AdditiveModelMode.Auto"/> mode
/// the logarithm is fitted instead when the series is positive and that backtest's relative error is smaller, and
/// the backtest's errors widen the interval when they exceed the spread the model claimed. Forecasts of a series
/// that was never negative are clipped at zero. Pure: history in, forecast out.
/// </para>
/// </summary>
public sealed class AdditiveModelForecaster : IForecaster
{
    private const double MaxInflation = 100;
    private readonly AdditiveModelOptions _options;

    public AdditiveModelForecaster()
        : this(new AdditiveModelOptions())
    {
    }

    public AdditiveModelForecaster(AdditiveModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
    }

    public string Name => "additive";

    public Forecast Fit(IReadOnlyList<double> history, int period, int horizon, double coverage) =>
        Fit(history, period, horizon, coverage, []);

    /// <summary>Forecasts with known events; windows are in steps from the history's start and may lie ahead.</summary>
    public Forecast Fit(IReadOnlyList<double> history, int period, int horizon, double coverage, IReadOnlyList<EventWindow> events)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentOutOfRangeException.ThrowIfLessThan(history.Count, 2);
        ArgumentOutOfRangeException.ThrowIfNegative(horizon);
        if (events.Any(e => e.Length <= 0))
        {
            throw new ArgumentException("Every event window needs a positive length", nameof(events));
        }

        var z = StandardNormal.Quantile(0.5 + (coverage / 2));
        var (log, inflation) = ChooseMode(history, period, horizon, events);
        var (center, spread) = Extrapolate(history, history.Count, period, horizon, events, log);
        var floor = history.Min() >= 0 ? 0 : double.NegativeInfinity;
        var mean = new double[horizon];
        var lower = new double[horizon];
        var upper = new double[horizon];
        for (var h = 0; h < horizon; h++)
        {
            var half = z * spread[h] * inflation;
            mean[h] = Math.Max(floor, log ? Math.Exp(center[h]) : center[h]);
            lower[h] = Math.Max(floor, log ? Math.Exp(center[h] - half) : center[h] - half);
            upper[h] = Math.Max(floor, log ? Math.Exp(center[h] + half) : center[h] + half);
        }

        return new Forecast(mean, lower, upper);
    }

    // Forecasts the last stretch of the history from the rest, per candidate mode: the multiplicative mode (when
    // allowed) must have the smaller relative error to be chosen, and the chosen mode's errors there widen the
    // interval when they exceed the spread the model claimed (the in-sample residuals flatter a model).
    private (bool Log, double Inflation) ChooseMode(IReadOnlyList<double> history, int period, int horizon, IReadOnlyList<EventWindow> events)
    {
        var positive = history.Min() > 0;
        var n = history.Count;
        var holdout = Math.Min(Math.Max(horizon, 1), n / 4);
        var candidates = _options.Mode switch
        {
            AdditiveModelMode.Auto when positive => new[] { false, true },
            AdditiveModelMode.Multiplicative when positive => [true],
            _ => [false],
        };
        if (holdout < 1 || n - holdout < Math.Max(2 * period, 8))
        {
            return (candidates[^1], 1);
        }

        var best = (Log: false, Error: double.MaxValue, Ratio: 1.0);
        foreach (var log in candidates)
        {
            var (center, spread) = Extrapolate(history, n - holdout, period, holdout, events, log);
            double error = 0, ratio = 0;
            for (var h = 0; h < holdout; h++)
            {
                var actual = history[n - holdout + h];
                var predicted = log ? Math.Exp(center[h]) : Math.Max(0, center[h]);
                error += Math.Abs(actual - predicted) / Math.Max(Math.Abs(actual) + Math.Abs(predicted), 1e-300);
                var miss = (log ? Math.Log(actual) : actual) - center[h];
                ratio += miss * miss / Math.Max(spread[h] * spread[h], 1e-300);
            }

            if (error < best.Error)
            {
                best = (log, error, Math.Sqrt(ratio / holdout));
            }
        }

        // Capped: a model that claims almost no spread (a near-constant series) must not turn rounding into a huge factor.
        return (best.Log, Math.Clamp(best.Ratio, 1, MaxInflation));
    }

    // The forecast's centre and standard deviation in the fitted units (the series, or its logarithm).
    private (double[] Center, double[] Spread) Extrapolate(IReadOnlyList<double> history, int count, int period, int horizon, IReadOnlyList<EventWindow> events, bool log)
    {
        var y = new double[count];
        for (var t = 0; t < count; t++)
        {
            y[t] = log ? Math.Log(history[t]) : history[t];
        }

        // Centre, and in additive mode divide by the largest magnitude, so the prior scales mean the same on any series.
        var offset = y.Average();
        var scale = log ? 1 : Math.Max(y.Max(Math.Abs), 1e-12);
        for (var t = 0; t < count; t++)
        {
            y[t] = (y[t] - offset) / scale;
        }

        var design = new AdditiveModelDesign(count, period, count + horizon, _options, events);
        var fit = new AdditiveModelFit(design, y, _options);
        var center = new double[horizon];
        var spread = new double[horizon];
        var residuals = new double[count];
        for (var t = 0; t < count; t++)
        {
            residuals[t] = y[t] - fit.Mean(t);
        }

        var (correction, noise) = _options.Autoregression
            ? new ResidualAutoregression(residuals, period).Forecast(residuals, horizon)
            : (new double[horizon], Enumerable.Repeat(fit.NoiseVariance, horizon).ToArray());
        for (var h = 0; h < horizon; h++)
        {
            var (mean, variance) = fit.Predict(count + h, h + 1);
            center[h] = offset + (scale * (mean + correction[h]));
            spread[h] = scale * Math.Sqrt(variance + noise[h]);
        }

        return (center, spread);
    }
}
