using AIOps.Analyzer.RootCause;

namespace AIOps.Analyzer.Evaluation.Rca;

/// <summary>
/// The Sock Shop faults of the RCD benchmark ("Sock Shop 1" in RCAEval): folders <c>&lt;service&gt;-&lt;fault&gt;/&lt;n&gt;/</c>
/// holding <c>normal.csv</c> and <c>anomalous.csv</c>, wide 1-second metrics whose root cause is the folder's service.
/// </summary>
public static class SockShopDataset
{
    /// <summary>The file of each case holding the metrics before the fault.</summary>
    public const string NormalFile = "normal.csv";

    /// <summary>The file of each case holding the metrics during the fault; its first row is the anomaly start.</summary>
    public const string AnomalousFile = "anomalous.csv";

    /// <summary>
    /// Loads every case under <paramref name="folder"/> with the benchmark's conventions: gaps filled forward (zero
    /// before any value), memory in megabytes, and columns constant in the normal or in the anomalous part dropped.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="InvalidDataException">The folder holds no case, or a file is malformed.</exception>
    public static IReadOnlyList<RcaCase> Load(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"{folder} does not exist");
        }

        var cases = new List<RcaCase>();
        foreach (var faultFolder in Directory.GetDirectories(folder).Order(StringComparer.Ordinal))
        {
            var label = Path.GetFileName(faultFolder);
            var dash = label.LastIndexOf('-');
            if (dash <= 0)
            {
                continue;
            }

            foreach (var caseFolder in Directory.GetDirectories(faultFolder).Order(StringComparer.Ordinal))
            {
                if (File.Exists(Path.Combine(caseFolder, NormalFile)) && File.Exists(Path.Combine(caseFolder, AnomalousFile)))
                {
                    cases.Add(LoadCase(caseFolder, $"{label}/{Path.GetFileName(caseFolder)}", label[..dash], label[(dash + 1)..]));
                }
            }
        }

        return cases.Count > 0 ? cases : throw new InvalidDataException($"{folder} holds no <service>-<fault>/<n>/{NormalFile} and {AnomalousFile}");
    }

    private static RcaCase LoadCase(string folder, string name, string service, string fault)
    {
        var anomalous = Read(Path.Combine(folder, AnomalousFile));
        var start = anomalous.TimesMs[0];
        var normal = EndingBefore(Read(Path.Combine(folder, NormalFile)), start);
        var frame = MetricConventions.MemoryToMegabytes(MetricConventions.FillGaps(normal.Append(anomalous)));
        var split = normal.TimesMs.Count;
        frame = frame.Where((_, values) => !IsConstant(values, 0, split) && !IsConstant(values, split, values.Count));
        return new RcaCase(name, service, fault, MetricConventions.ToSeries(frame), start);
    }

    /// <summary>
    /// The normal part, moved back in time when it was recorded after the fault (orders-mem/5 is), so that it ends
    /// one step before the anomaly start: the ranker takes the points before the start as the baseline.
    /// </summary>
    private static MetricFrame EndingBefore(MetricFrame normal, long startMs)
    {
        var times = normal.TimesMs;
        if (times[^1] < startMs)
        {
            return normal;
        }

        var step = times.Count > 1 ? times.Zip(times.Skip(1), (a, b) => b - a).Order().ElementAt((times.Count - 1) / 2) : 1000;
        var shift = startMs - step - times[^1];
        return new MetricFrame([.. times.Select(t => t + shift)], normal.Names, [.. Enumerable.Range(0, normal.Names.Count).Select(normal.Column)]);
    }

    private static MetricFrame Read(string path)
    {
        using var reader = new StreamReader(path);
        return MetricFrameCsv.Read(reader, path);
    }

    private static bool IsConstant(IReadOnlyList<double> values, int from, int to)
    {
        for (var i = from + 1; i < to; i++)
        {
            if (values[i] != values[from])
            {
                return false;
            }
        }

        return true;
    }
}
