using System.Globalization;

namespace AIOps.Dashboard.Cli;

/// <summary>Reads "timestamp,value" CSV files (a header line, ISO 8601 or unix-seconds timestamps); errors name the line.</summary>
internal static class TimeSeriesCsv
{
    public static List<(DateTimeOffset Time, string RawTime, double Value)> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new ArgumentException($"--input: {path} does not exist");
        }

        var rows = new List<(DateTimeOffset, string, double)>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (number == 1 || string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var comma = line.IndexOf(',', StringComparison.Ordinal);
            if (comma < 0)
            {
                throw new ArgumentException($"{path}:{number}: expected timestamp,value");
            }

            var rawTime = line[..comma].Trim();
            var rawValue = line[(comma + 1)..].Trim();
            if (!double.TryParse(rawValue, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                throw new ArgumentException($"{path}:{number}: '{rawValue}' is not a number");
            }

            DateTimeOffset time;
            if (double.TryParse(rawTime, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
            {
                time = DateTimeOffset.UnixEpoch.AddTicks((long)(seconds * TimeSpan.TicksPerSecond));
            }
            else if (!DateTimeOffset.TryParse(rawTime, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out time))
            {
                throw new ArgumentException($"{path}:{number}: '{rawTime}' is not a timestamp (ISO 8601 or unix seconds)");
            }

            rows.Add((time, rawTime, value));
        }

        if (rows.Count < 2)
        {
            throw new ArgumentException($"{path}: needs at least two rows after the header");
        }

        return rows;
    }
}
