namespace AIOps.Analyzer.Forecasting;

/// <summary>
/// The regressors of <see cref="AdditiveModelForecaster"/> at any step, past or future, in this column order:
/// intercept, slope, one hinge <c>max(0, s - c)</c> per candidate change point c (s is time scaled so the history
/// spans [0, 1]), the daily and weekly Fourier pairs, and the event regressor when there are events.
/// </summary>
internal sealed class AdditiveModelDesign
{
    private const int DaysPerWeek = 7;
    private readonly double[] _changePoints;
    private readonly FourierTable _daily;
    private readonly FourierTable _weekly;
    private readonly double[] _event;

    /// <param name="count">Points of history the model is fitted on.</param>
    /// <param name="period">The daily period in steps.</param>
    /// <param name="length">History plus horizon: the steps the event regressor is laid out over.</param>
    /// <param name="options">Change point and Fourier settings.</param>
    /// <param name="events">Event windows, in steps from the history's start.</param>
    public AdditiveModelDesign(int count, int period, int length, AdditiveModelOptions options, IReadOnlyList<EventWindow> events)
    {
        TimeSpan = Math.Max(1, count - 1);
        _changePoints = ChangePointsOf(count, options);
        _daily = period >= 3 ? new FourierTable(period, Math.Min(options.DailyOrder, (period - 1) / 2)) : FourierTable.None;
        _weekly = period >= 2 && count >= 2 * DaysPerWeek * period
            ? new FourierTable(DaysPerWeek * period, Math.Min(options.WeeklyOrder, ((DaysPerWeek * period) - 1) / 2))
            : FourierTable.None;
        _event = EventRegressor(length, events, options.EventDecaySteps);
        SeasonalStart = 2 + _changePoints.Length;
        SeasonalCount = _daily.Columns + _weekly.Columns;
        EventColumn = _event.Any(v => v != 0) ? SeasonalStart + SeasonalCount : -1;
        Columns = SeasonalStart + SeasonalCount + (EventColumn >= 0 ? 1 : 0);
    }

    /// <summary>Steps per unit of scaled time: the history spans [0, 1].</summary>
    public double TimeSpan { get; }

    public int Columns { get; }

    public int ChangePointCount => _changePoints.Length;

    public int SeasonalStart { get; }

    public int SeasonalCount { get; }

    /// <summary>The event regressor's column, or -1 when no event touches the history or horizon.</summary>
    public int EventColumn { get; }

    /// <summary>Fills <paramref name="x"/> (<see cref="Columns"/> long) with the regressors at step <paramref name="t"/>.</summary>
    public void Row(int t, Span<double> x)
    {
        var s = t / TimeSpan;
        x[0] = 1;
        x[1] = s;
        for (var j = 0; j < _changePoints.Length; j++)
        {
            x[2 + j] = Math.Max(0, s - _changePoints[j]);
        }

        _daily.Fill(t, x.Slice(SeasonalStart, _daily.Columns));
        _weekly.Fill(t, x.Slice(SeasonalStart + _daily.Columns, _weekly.Columns));
        if (EventColumn >= 0)
        {
            x[EventColumn] = t >= 0 && t < _event.Length ? _event[t] : 0;
        }
    }

    // Evenly over the first share of the history, as step indices, leaving out the first step itself.
    private static double[] ChangePointsOf(int count, AdditiveModelOptions options)
    {
        var span = (int)Math.Floor(count * options.ChangePointRange);
        var number = Math.Min(options.ChangePoints, span - 1);
        if (number <= 0)
        {
            return [];
        }

        var points = new double[number];
        for (var j = 0; j < number; j++)
        {
            var index = Math.Round((double)(j + 1) * (span - 1) / number);
            points[j] = index / Math.Max(1, count - 1);
        }

        return points;
    }

    // 1 inside a window, then (with a decay) exp(-k / decay) k steps after it ends; overlapping windows take the larger.
    private static double[] EventRegressor(int length, IReadOnlyList<EventWindow> events, double decay)
    {
        var values = new double[length];
        var tail = decay > 0 ? (int)Math.Ceiling(5 * decay) : 0;
        foreach (var window in events)
        {
            var end = window.Start + window.Length;
            for (var t = Math.Max(0, window.Start); t < Math.Min(length, end + tail); t++)
            {
                var value = t < end ? 1 : Math.Exp(-(t - end + 1) / decay);
                values[t] = Math.Max(values[t], value);
            }
        }

        return values;
    }
}
