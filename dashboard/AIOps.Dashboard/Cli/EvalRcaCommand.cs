using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using AIOps.Analyzer.Evaluation.Rca;
using AIOps.Analyzer.RootCause;

namespace AIOps.Dashboard.Cli;

/// <summary>aiops eval rca: how often the root-cause ranker puts the faulty service first on a public benchmark.</summary>
internal static class EvalRcaCommand
{
    /// <summary>The Sock Shop faults of the RCD benchmark (RCAEval "Sock Shop 1").</summary>
    public const string SockShop = "sockshop";

    /// <summary>The TrainTicket faults of the Nezha dataset (traces and metrics).</summary>
    public const string NezhaTrainTicket = "nezha-tt";

    private static readonly string[] s_datasets = [SockShop, NezhaTrainTicket];

    public static Command Create()
    {
        var dataset = new Option<string>("--dataset") { Description = "The benchmark: " + string.Join(", ", s_datasets), DefaultValueFactory = _ => SockShop };
        var data = new Option<string?>("--data") { Description = "The benchmark's folder (default ../shared/datasets/rcd-sockshop or ../shared/datasets/nezha-tt)" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object" };
        var command = new Command("rca", "Root-cause ranking: AC@1, AC@3, AC@5 and Avg@5, overall and per fault type") { dataset, data, json };
        command.SetAction(result =>
        {
            var name = result.GetRequiredValue(dataset);
            if (!s_datasets.Contains(name, StringComparer.Ordinal))
            {
                throw new ArgumentException($"unknown --dataset {name}; valid: {string.Join(", ", s_datasets)}");
            }

            var started = Stopwatch.GetTimestamp();
            var folder = result.GetValue(data) ?? Path.Combine("..", "shared", "datasets", name == SockShop ? "rcd-sockshop" : name);
            var trials = Load(name, Path.GetFullPath(folder));
            var evaluation = RcaEvaluation.Run(trials, new RootCauseAnalyzer());
            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            Console.WriteLine(result.GetValue(json) ? ToJson(name, evaluation, seconds) : ToTable(name, evaluation, seconds));
            return 0;
        });
        return command;
    }

    private static IReadOnlyList<RcaTrial> Load(string dataset, string folder)
    {
        try
        {
            return dataset == SockShop
                ? [.. SockShopDataset.Load(folder).Select(RcaTrial.FromMetrics)]
                : NezhaEvidence.Trials(NezhaDataset.Load(folder));
        }
        catch (Exception ex) when (ex is DirectoryNotFoundException or InvalidDataException)
        {
            throw new ArgumentException($"--data: {ex.Message}", ex);
        }
    }

    private static string ToJson(string dataset, RcaEvaluationResult evaluation, double seconds)
    {
        var json = new JsonObject { ["dataset"] = dataset, ["ranker"] = "root-cause-analyzer" };
        Add(json, evaluation.Overall);
        var byFault = new JsonObject();
        foreach (var (fault, accuracy) in evaluation.ByFault.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var entry = new JsonObject();
            Add(entry, accuracy);
            byFault[fault] = entry;
        }

        json["by_fault"] = byFault;
        json["seconds"] = Math.Round(seconds, 2);
        return json.ToJsonString();
    }

    private static void Add(JsonObject json, RcaAccuracy accuracy)
    {
        json["cases"] = accuracy.Cases;
        for (var k = 1; k <= RcaScorer.Depth; k++)
        {
            json["ac" + k.ToString(CultureInfo.InvariantCulture)] = Math.Round(accuracy.Ac(k), 4);
        }

        json["avg5"] = Math.Round(accuracy.Avg5, 4);
    }

    private static string ToTable(string dataset, RcaEvaluationResult evaluation, double seconds)
    {
        var lines = new List<string> { $"RCA: {dataset}, root-cause analyzer", "fault           cases   AC@1   AC@3   AC@5   Avg@5" };
        lines.Add(Row("all", evaluation.Overall));
        lines.AddRange(evaluation.ByFault.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => Row(p.Key, p.Value)));
        lines.AddRange(evaluation.Cases.Where(c => c.Rank != 1).Select(c =>
            $"  {c.Name}: {c.RootCause} ranked {(c.Rank == 0 ? "nowhere" : c.Rank.ToString(CultureInfo.InvariantCulture))}, {c.TopCandidate ?? "nothing"} first"));
        lines.Add(string.Create(CultureInfo.InvariantCulture, $"({seconds:F1} s)"));
        return string.Join(Environment.NewLine, lines);
    }

    private static string Row(string fault, RcaAccuracy a) =>
        string.Create(CultureInfo.InvariantCulture, $"{fault,-15} {a.Cases,5} {a.Ac(1),6:F2} {a.Ac(3),6:F2} {a.Ac(5),6:F2} {a.Avg5,7:F3}");
}
