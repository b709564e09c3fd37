using System.Globalization;

namespace AIOps.Analyzer.RootCause;

/// <summary>
/// Reads a wide metrics CSV: a header naming a <c>time</c> column (unix seconds, increasing) and one column per
/// metric; an empty cell is a gap. Errors name the source, the line and the column.
/// </summary>
public static class MetricFrameCsv
{
    /// <summary>The name of the column holding each row's time.</summary>
    public const string TimeColumn = "time";

    /// <summary>Reads a frame from <paramref name="reader"/>; <paramref name="source"/> names it in error messages.</summary>
    /// <exception cref="InvalidDataException">The text is not such a CSV: the message says where and why.</exception>
    public static MetricFrame Read(TextReader reader, string source)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var header = (reader.ReadLine() ?? throw new InvalidDataException($"{source}: empty, expected a header line")).Split(',').Select(Unquote).ToArray();
        var timeIndex = Array.FindIndex(header, h => string.Equals(h, TimeColumn, StringComparison.OrdinalIgnoreCase));
        if (timeIndex < 0)
        {
            throw new InvalidDataException($"{source}:1: no '{TimeColumn}' column in the header");
        }

        var names = header.Where((_, i) => i != timeIndex).ToList();
        if (names.FirstOrDefault(n => n.Length == 0 || names.Count(m => m == n) > 1) is { } bad)
        {
            throw new InvalidDataException($"{source}:1: column name '{bad}' is empty or repeated");
        }

        var times = new List<long>();
        var columns = names.Select(_ => new List<double>()).ToList();
        var number = 1;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var cells = line.Split(',');
            if (cells.Length != header.Length)
            {
                throw new InvalidDataException($"{source}:{number}: {cells.Length} cells, the header has {header.Length}");
            }

            var time = ParseTime(cells[timeIndex], source, number);
            if (times.Count > 0 && time <= times[^1])
            {
                throw new InvalidDataException($"{source}:{number}: {TimeColumn} {cells[timeIndex].Trim()} does not come after the row before");
            }

            times.Add(time);
            for (int cell = 0, column = 0; cell < cells.Length; cell++)
            {
                if (cell != timeIndex)
                {
                    columns[column].Add(ParseValue(cells[cell], names[column], source, number));
                    column++;
                }
            }
        }

        return times.Count == 0
            ? throw new InvalidDataException($"{source}: no rows after the header")
            : new MetricFrame(times, names, columns);
    }

    private static long ParseTime(string cell, string source, int line)
    {
        var text = Unquote(cell);
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && double.IsFinite(seconds)
            ? (long)Math.Round(seconds * 1000)
            : throw new InvalidDataException($"{source}:{line}: {TimeColumn} '{text}' is not a number of unix seconds");
    }

    private static double ParseValue(string cell, string column, string source, int line)
    {
        var text = Unquote(cell);
        if (text.Length == 0)
        {
            return double.NaN;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InvalidDataException($"{source}:{line}: column '{column}': '{text}' is not a number");
    }

    private static string Unquote(string cell) => cell.Trim().Trim('"');
}
