namespace AIOps.Analyzer.RootCause;

/// <summary>
/// Metrics sampled at shared times: one time axis (unix milliseconds, increasing) and one named column of values
/// per metric, as in a wide CSV. A gap is a NaN. Frames are immutable; each transformation returns a new one.
/// </summary>
public sealed class MetricFrame
{
    private readonly double[][] _columns;

    /// <summary>Creates a frame; every column must have one value per time and the names must be distinct.</summary>
    public MetricFrame(IReadOnlyList<long> timesMs, IReadOnlyList<string> names, IReadOnlyList<IReadOnlyList<double>> columns)
    {
        ArgumentNullException.ThrowIfNull(timesMs);
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(columns);
        if (names.Count != columns.Count)
        {
            throw new ArgumentException($"{names.Count} names for {columns.Count} columns", nameof(names));
        }

        if (names.Distinct(StringComparer.Ordinal).Count() != names.Count)
        {
            throw new ArgumentException("column names must be distinct", nameof(names));
        }

        for (var i = 0; i < columns.Count; i++)
        {
            if (columns[i].Count != timesMs.Count)
            {
                throw new ArgumentException($"column {names[i]} has {columns[i].Count} values for {timesMs.Count} times", nameof(columns));
            }
        }

        TimesMs = [.. timesMs];
        Names = [.. names];
        _columns = [.. columns.Select(c => c.ToArray())];
    }

    /// <summary>The time of each row, in unix milliseconds.</summary>
    public IReadOnlyList<long> TimesMs { get; }

    /// <summary>The metric names, in column order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The values of the column at <paramref name="index"/>, one per row.</summary>
    public IReadOnlyList<double> Column(int index) => _columns[index];

    /// <summary>This frame's rows followed by those of <paramref name="later"/>, which must have the same columns and start later.</summary>
    public MetricFrame Append(MetricFrame later)
    {
        ArgumentNullException.ThrowIfNull(later);
        if (!later.Names.SequenceEqual(Names, StringComparer.Ordinal))
        {
            throw new ArgumentException("the frames have different columns", nameof(later));
        }

        if (TimesMs.Count > 0 && later.TimesMs.Count > 0 && later.TimesMs[0] <= TimesMs[^1])
        {
            throw new ArgumentException("the later frame must start after this one ends", nameof(later));
        }

        return new MetricFrame([.. TimesMs, .. later.TimesMs], Names, [.. _columns.Select((c, i) => (IReadOnlyList<double>)[.. c, .. later._columns[i]])]);
    }

    /// <summary>The frame with only the columns <paramref name="keep"/> accepts (given each column's name and values).</summary>
    public MetricFrame Where(Func<string, IReadOnlyList<double>, bool> keep)
    {
        ArgumentNullException.ThrowIfNull(keep);
        var kept = Enumerable.Range(0, Names.Count).Where(i => keep(Names[i], _columns[i])).ToList();
        return new MetricFrame(TimesMs, [.. kept.Select(i => Names[i])], [.. kept.Select(i => _columns[i])]);
    }

    /// <summary>The frame with each column replaced by what <paramref name="map"/> makes of its name and values.</summary>
    public MetricFrame Select(Func<string, IReadOnlyList<double>, IReadOnlyList<double>> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        return new MetricFrame(TimesMs, Names, [.. Names.Select((name, i) => map(name, _columns[i]))]);
    }

    /// <summary>One series per column, attributed to the service <paramref name="serviceOf"/> names for the column.</summary>
    public IReadOnlyList<MetricSeries> ToSeries(Func<string, string> serviceOf)
    {
        ArgumentNullException.ThrowIfNull(serviceOf);
        return [.. Names.Select((name, i) => new MetricSeries(
            serviceOf(name),
            name,
            [.. _columns[i].Select((value, row) => new MetricPoint(TimesMs[row], value))]))];
    }
}
