using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using AIOps.Analyzer.Evaluation.M4;
using AIOps.Analyzer.Forecasting;

namespace AIOps.Dashboard.Cli;

/// <summary>aiops eval m4: a forecaster's sMAPE, MASE, OWA and MSIS on M4 Hourly, with the Naive2 and sNaive benchmarks.</summary>
internal static class EvalM4Command
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "Folder holding Hourly-train.csv and Hourly-test.csv", DefaultValueFactory = _ => "../shared/datasets/m4" };
        var forecaster = new Option<string>("--forecaster") { Description = "One of: " + string.Join(", ", ForecasterCatalog.Names), DefaultValueFactory = _ => "auto" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object" };
        var command = new Command("m4", "M4 Hourly (414 series, horizon 48): sMAPE, MASE, OWA and 95 % MSIS") { data, forecaster, json };
        command.SetAction(result =>
        {
            var model = ForecasterCatalog.Create(result.GetValue(forecaster)!);
            var dataset = M4Dataset.LoadHourly(result.GetValue(data)!);
            var scores = M4Evaluation.Run(dataset, model);
            Console.WriteLine(result.GetValue(json) ? ToJson(scores) : ToTable(scores));
            return 0;
        });
        return command;
    }

    private static string ToJson(M4Result result)
    {
        var json = new JsonObject { ["forecaster"] = result.Model.Forecaster };
        Add(json, "", result.Model);
        Add(json, "naive2_", result.Naive2);
        Add(json, "snaive_", result.SeasonalNaive);
        return json.ToJsonString();
    }

    private static void Add(JsonObject json, string prefix, M4Score score)
    {
        json[prefix + "smape"] = score.Smape;
        json[prefix + "mase"] = score.Mase;
        json[prefix + "owa"] = score.Owa;
        json[prefix + "msis"] = score.Msis;
    }

    private static string ToTable(M4Result result)
    {
        var lines = new List<string> { "forecaster        sMAPE     MASE      OWA     MSIS" };
        foreach (var s in new[] { result.Model, result.Naive2, result.SeasonalNaive })
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{s.Forecaster,-14} {s.Smape,8:F3} {s.Mase,8:F3} {s.Owa,8:F3} {s.Msis,8:F3}"));
        }

        return string.Join(Environment.NewLine, lines);
    }
}
