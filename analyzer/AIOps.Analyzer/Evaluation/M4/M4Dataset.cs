using System.Globalization;

namespace AIOps.Analyzer.Evaluation.M4;

/// <summary>The M4 Hourly subset: wide CSVs, first column the id, then the values; trailing cells are empty.</summary>
public sealed class M4Dataset
{
    public required IReadOnlyList<M4Series> Series { get; init; }

    public int Period { get; init; } = 24;

    public int Horizon { get; init; } = 48;

    /// <summary>Reads <c>Hourly-train.csv</c> and <c>Hourly-test.csv</c> from <paramref name="folder"/>.</summary>
    public static M4Dataset LoadHourly(string folder)
    {
        var train = ReadWide(Path.Combine(folder, "Hourly-train.csv"));
        var test = ReadWide(Path.Combine(folder, "Hourly-test.csv"));
        var series = new List<M4Series>(train.Count);
        foreach (var (id, values) in train)
        {
            if (!test.TryGetValue(id, out var future))
            {
                throw new InvalidDataException($"Series {id} has no test row");
            }

            series.Add(new M4Series(id, values, future));
        }

        return new M4Dataset { Series = series };
    }

    private static Dictionary<string, double[]> ReadWide(string path)
    {
        var rows = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            if (line.Length == 0)
            {
                continue;
            }

            var cells = line.Split(',');
            var values = new List<double>(cells.Length - 1);
            for (var i = 1; i < cells.Length; i++)
            {
                var cell = cells[i].Trim().Trim('"');
                if (cell.Length > 0)
                {
                    values.Add(double.Parse(cell, NumberStyles.Float, CultureInfo.InvariantCulture));
                }
            }

            rows.Add(cells[0].Trim().Trim('"'), [.. values]);
        }

        return rows;
    }
}
