using System.Globalization;

namespace AIOps.Analyzer.Evaluation.Nab;

/// <summary>Reads NAB's CSV files and timestamps (<c>yyyy-MM-dd HH:mm:ss</c>, in UTC, labels with a <c>.ffffff</c> suffix).</summary>
internal static class NabCsv
{
    private static readonly string[] s_timestampFormats = ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.ffffff"];

    public static long ParseTimestamp(string text) =>
        new DateTimeOffset(DateTime.ParseExact(text, s_timestampFormats, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal), TimeSpan.Zero).ToUnixTimeMilliseconds();

    public static double ParseNumber(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>The timestamps and one named column of a CSV file with a header row.</summary>
    public static (long[] Timestamps, double[] Values) ReadColumn(string path, string column)
    {
        using var reader = new StreamReader(path);
        var header = (reader.ReadLine() ?? throw new InvalidDataException($"{path} is empty")).Split(',');
        var timeIndex = Array.IndexOf(header, "timestamp");
        var valueIndex = Array.IndexOf(header, column);
        if (timeIndex < 0 || valueIndex < 0)
        {
            throw new InvalidDataException($"{path} has no timestamp or {column} column");
        }

        var timestamps = new List<long>();
        var values = new List<double>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            var fields = line.Split(',');
            timestamps.Add(ParseTimestamp(fields[timeIndex]));
            values.Add(ParseNumber(fields[valueIndex]));
        }

        return ([.. timestamps], [.. values]);
    }
}
