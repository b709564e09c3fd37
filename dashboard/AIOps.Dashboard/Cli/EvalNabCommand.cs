using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using AIOps.Analyzer.Detection;
using AIOps.Analyzer.Evaluation.Nab;

namespace AIOps.Dashboard.Cli;

/// <summary>aiops eval nab: a streaming detector's score on the Numenta Anomaly Benchmark.</summary>
internal static class EvalNabCommand
{
    /// <summary>Replays the Numenta HTM detector's published scores: checks the pipeline end to end against the scoreboard.</summary>
    public const string NumentaGolden = "numenta-golden";

    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "The NAB folder (data/, labels/, config/, results/)", DefaultValueFactory = _ => Path.Combine("..", "shared", "datasets", "nab") };
        var detector = new Option<string>("--detector") { Description = $"A detector of the analyzer's DetectorCatalog ({string.Join(", ", DetectorCatalog.Detectors.Keys)}), or {NumentaGolden}", DefaultValueFactory = _ => DetectorCatalog.Default };
        var json = new Option<bool>("--json") { Description = "Print one JSON object" };
        var nab = new Command("nab", "Score a detector on NAB with one optimised threshold per cost profile") { data, detector, json };
        nab.SetAction((result, cancellationToken) =>
        {
            var root = Path.GetFullPath(result.GetRequiredValue(data));
            if (!Directory.Exists(Path.Combine(root, "data")) || !File.Exists(Path.Combine(root, "labels", "combined_windows.json")))
            {
                throw new ArgumentException($"--data {root} is not a NAB folder (no data/ or labels/combined_windows.json)");
            }

            var name = result.GetRequiredValue(detector);
            var started = Stopwatch.GetTimestamp();
            var corpus = NabCorpus.Load(root);
            var evaluation = NabEvaluation.Run(corpus, Factory(corpus, name));
            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            Console.WriteLine(result.GetValue(json) ? ToJson(name, evaluation, seconds) : ToTable(name, evaluation, seconds));
            return Task.FromResult(0);
        });
        return nab;
    }

    private static Func<NabFile, IStreamingDetector> Factory(NabCorpus corpus, string name)
    {
        if (name == NumentaGolden)
        {
            var results = corpus.LoadResults("numenta");
            return file => new NabReplayDetector(results[file.Name]);
        }

        return DetectorCatalog.Detectors.TryGetValue(name, out var factory)
            ? _ => factory()
            : throw new ArgumentException($"unknown --detector {name}; known: {string.Join(", ", DetectorCatalog.Detectors.Keys.Prepend(NumentaGolden))}");
    }

    private static string ToJson(string detector, NabEvaluationResult evaluation, double seconds)
    {
        var output = new Dictionary<string, object> { ["detector"] = detector };
        foreach (var score in evaluation.Scores)
        {
            output[score.Profile] = Math.Round(score.Normalized, 4);
        }

        output["thresholds"] = evaluation.Scores.ToDictionary(s => s.Profile, s => s.Threshold);
        output["seconds"] = Math.Round(seconds, 2);
        return JsonSerializer.Serialize(output);
    }

    private static string ToTable(string detector, NabEvaluationResult evaluation, double seconds)
    {
        var lines = new List<string> { $"NAB: {detector}", "profile               score   threshold" };
        lines.AddRange(evaluation.Scores.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Profile,-20} {s.Normalized,7:F2}   {s.Threshold:G6}")));
        lines.Add(string.Create(CultureInfo.InvariantCulture, $"({seconds:F1} s)"));
        return string.Join(Environment.NewLine, lines);
    }
}
