using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using AIOps.Analyzer.RootCause;

namespace AIOps.Dashboard.Cli;

/// <summary>aiops rca: ranks the services of a user's metrics table by how much they changed at an anomaly's start.</summary>
internal static class RcaCommand
{
    public static Command Create()
    {
        var metrics = new Option<string>("--metrics") { Description = "Wide CSV: a time column (unix seconds) and <service>_<metric> columns", Required = true };
        var start = new Option<double>("--anomaly-start") { Description = "When the anomaly began (unix seconds); rows before it are the baseline", Required = true };
        var json = new Option<bool>("--json") { Description = "Print one JSON object" };
        var command = new Command("rca", "Rank services as root-cause suspects by their metrics' robust change at the anomaly start") { metrics, start, json };
        command.SetAction(result =>
        {
            var frame = Read(result.GetRequiredValue(metrics));
            var seconds = result.GetValue(start);
            var options = new RobustChangeRankerOptions();
            var startMs = StartWithin(frame.TimesMs, seconds, options.MinimumBaselinePoints);
            var prepared = MetricConventions.MemoryToMegabytes(MetricConventions.FillGaps(frame));
            var ranking = new RobustChangeRanker(options).Rank(MetricConventions.ToSeries(prepared), startMs);
            Console.WriteLine(result.GetValue(json) ? ToJson(seconds, ranking) : ToTable(ranking));
            return 0;
        });
        return command;
    }

    /// <summary>The start in unix milliseconds, when it leaves a baseline before it and at least one row from it on.</summary>
    private static long StartWithin(IReadOnlyList<long> times, double seconds, int baselinePoints)
    {
        var startMs = double.IsFinite(seconds) ? (long)Math.Round(seconds * 1000) : long.MinValue;
        if (startMs <= times[0] || startMs > times[^1])
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"--anomaly-start {seconds} is outside the data: it must be after the first row ({times[0] / 1000.0}) and at most the last ({times[^1] / 1000.0})"));
        }

        var before = times.Count(t => t < startMs);
        return before >= baselinePoints
            ? startMs
            : throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"--anomaly-start {seconds} leaves {before} rows before it; the baseline needs at least {baselinePoints}"));
    }

    private static MetricFrame Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new ArgumentException($"--metrics: {path} does not exist");
        }

        try
        {
            using var reader = new StreamReader(path);
            return MetricFrameCsv.Read(reader, path);
        }
        catch (InvalidDataException ex)
        {
            throw new ArgumentException($"--metrics: {ex.Message}", ex);
        }
    }

    private static string ToJson(double start, IReadOnlyList<RootCauseCandidate> ranking)
    {
        var candidates = new JsonArray();
        foreach (var (candidate, index) in ranking.Select((c, i) => (c, i)))
        {
            var top = candidate.TopMetric;
            candidates.Add(new JsonObject
            {
                ["rank"] = index + 1,
                ["service"] = candidate.Service,
                ["score"] = Math.Round(candidate.Score, 4),
                ["metric"] = top.Metric,
                ["direction"] = top.Direction == ChangeDirection.Increase ? "up" : "down",
                ["baseline_median"] = top.BaselineMedian,
                ["baseline_scale"] = top.BaselineScale,
                ["anomalous_median"] = top.AnomalousMedian,
                ["anomalous_peak"] = top.AnomalousPeak,
                ["peak_time"] = top.PeakTimeMs / 1000.0,
            });
        }

        return new JsonObject { ["anomaly_start"] = start, ["candidates"] = candidates }.ToJsonString();
    }

    private static string ToTable(IReadOnlyList<RootCauseCandidate> ranking)
    {
        if (ranking.Count == 0)
        {
            return "no metric has both a baseline and anomalous rows that vary";
        }

        var lines = new List<string> { "rank  service               score  top metric                  baseline median  anomalous median  anomalous peak" };
        lines.AddRange(ranking.Select((c, i) => string.Create(CultureInfo.InvariantCulture,
            $"{i + 1,4}  {c.Service,-20} {c.Score,7:F1}  {c.TopMetric.Metric,-26} {c.TopMetric.BaselineMedian,16:G6} {c.TopMetric.AnomalousMedian,17:G6} {c.TopMetric.AnomalousPeak,15:G6}")));
        return string.Join(Environment.NewLine, lines);
    }
}
