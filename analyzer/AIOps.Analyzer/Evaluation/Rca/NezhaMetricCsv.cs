using System.Globalization;
using AIOps.Analyzer.RootCause;

namespace AIOps.Analyzer.Evaluation.Rca;

/// <summary>
/// Reads one Nezha metric file (<c>metric/&lt;pod&gt;_metric.csv</c> or <c>front_service.csv</c>): a row about every
/// minute, a <c>TimeStamp</c> in unix seconds, the pod (or service) in <c>PodName</c> (or <c>ServiceName</c>), and
/// one numeric column per metric, <c>NaN</c> for a gap. Each metric becomes a series named
/// <c>&lt;service&gt;_&lt;column&gt;</c>, e.g. <c>ts-contacts-service_CpuUsageRate(%)</c>.
/// </summary>
public static class NezhaMetricCsv
{
    /// <summary>The column holding each row's time in unix seconds; rows must come in increasing time.</summary>
    public const string TimeColumn = "TimeStamp";

    /// <summary>The human-readable time column, which is skipped.</summary>
    public const string TextTimeColumn = "Time";

    /// <summary>The columns naming whose metrics a row holds; the first present is used.</summary>
    public static readonly IReadOnlyList<string> OwnerColumns = ["PodName", "ServiceName"];

    /// <summary>
    /// The series of the rows of <paramref name="reader"/> whose time is in [<paramref name="fromMs"/>,
    /// <paramref name="toMs"/>), in column order; <paramref name="keep"/> chooses columns by name (all when null).
    /// Series without a row in the window are left out.
    /// </summary>
    /// <exception cref="InvalidDataException">The header, a time or a value is malformed; the message names the file and line.</exception>
    public static IReadOnlyList<MetricSeries> Read(TextReader reader, string source, long fromMs, long toMs, Func<string, bool>? keep = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var header = (reader.ReadLine() ?? throw new InvalidDataException($"{source}: empty, expected a header line")).TrimEnd('\r').Split(',');
        var timeIndex = Array.IndexOf(header, TimeColumn);
        var ownerIndex = OwnerColumns.Select(c => Array.IndexOf(header, c)).FirstOrDefault(i => i >= 0, -1);
        if (timeIndex < 0 || ownerIndex < 0)
        {
            throw new InvalidDataException($"{source}:1: the header needs a {TimeColumn} and a {string.Join(" or ", OwnerColumns)} column");
        }

        var metrics = Enumerable.Range(0, header.Length)
            .Where(i => i != timeIndex && i != ownerIndex && header[i] != TextTimeColumn && (keep is null || keep(header[i])))
            .ToArray();
        var points = metrics.Select(_ => new List<MetricPoint>()).ToArray();
        string? owner = null;
        var lastMs = long.MinValue;
        var number = 1;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var cells = line.TrimEnd('\r').Split(',');
            if (cells.Length != header.Length)
            {
                throw new InvalidDataException($"{source}:{number}: {cells.Length} cells, the header has {header.Length}");
            }

            var timeMs = TimeOf(cells[timeIndex], source, number);
            if (timeMs <= lastMs)
            {
                throw new InvalidDataException($"{source}:{number}: {TimeColumn} {cells[timeIndex]} does not come after the row before");
            }

            lastMs = timeMs;
            if (timeMs >= toMs)
            {
                break;
            }

            if (timeMs < fromMs)
            {
                continue;
            }

            owner ??= cells[ownerIndex];
            if (cells[ownerIndex] != owner)
            {
                throw new InvalidDataException($"{source}:{number}: {header[ownerIndex]} '{cells[ownerIndex]}' differs from '{owner}' above; one pod a file is expected");
            }

            for (var m = 0; m < metrics.Length; m++)
            {
                points[m].Add(new MetricPoint(timeMs, ValueOf(cells[metrics[m]], header[metrics[m]], source, number)));
            }
        }

        if (owner is null)
        {
            return [];
        }

        var service = NezhaPods.ServiceOf(owner);
        return [.. metrics.Select((column, m) => new MetricSeries(service, $"{service}_{header[column]}", points[m]))];
    }

    /// <summary>The series of the file at <paramref name="path"/> in the window, as <see cref="Read"/>.</summary>
    public static IReadOnlyList<MetricSeries> ReadFile(string path, long fromMs, long toMs, Func<string, bool>? keep = null)
    {
        using var reader = new StreamReader(path);
        return Read(reader, path, fromMs, toMs, keep);
    }

    private static long TimeOf(string cell, string source, int number) =>
        long.TryParse(cell, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds < long.MaxValue / 1000
            ? seconds * 1000
            : throw new InvalidDataException($"{source}:{number}: {TimeColumn} '{cell}' is not a whole number of unix seconds");

    private static double ValueOf(string cell, string column, string source, int number)
    {
        if (cell.Length == 0)
        {
            return double.NaN;
        }

        return double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InvalidDataException($"{source}:{number}: column '{column}': '{cell}' is not a number");
    }
}
