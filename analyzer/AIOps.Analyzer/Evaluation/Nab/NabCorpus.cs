using System.Text.Json;

namespace AIOps.Analyzer.Evaluation.Nab;

/// <summary>The NAB corpus on disk: the 58 series with their windows, the cost profiles and published thresholds.</summary>
public sealed class NabCorpus
{
    public required string Root { get; init; }

    /// <summary>Files ordered by name (<c>category/file.csv</c>).</summary>
    public required IReadOnlyList<NabFile> Files { get; init; }

    public required IReadOnlyList<NabProfile> Profiles { get; init; }

    /// <summary>Detector name, then profile name, to the threshold the published scoreboard used.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> Thresholds { get; init; }

    /// <summary>Loads the corpus from a folder holding NAB's <c>data/</c>, <c>labels/</c> and <c>config/</c>.</summary>
    public static NabCorpus Load(string root)
    {
        if (!Directory.Exists(Path.Combine(root, "data")))
        {
            throw new DirectoryNotFoundException($"{Path.GetFullPath(root)} holds no NAB data/ folder");
        }

        using var labels = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "labels", "combined_windows.json")));
        var files = new List<NabFile>();
        foreach (var entry in labels.RootElement.EnumerateObject().OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            var (timestamps, values) = NabCsv.ReadColumn(Path.Combine(root, "data", entry.Name), "value");
            var windows = entry.Value.EnumerateArray()
                .Select(w => NabWindows.ToRows(timestamps, NabCsv.ParseTimestamp(w[0].GetString()!), NabCsv.ParseTimestamp(w[1].GetString()!)))
                .ToArray();
            files.Add(new NabFile(entry.Name, timestamps, values, windows));
        }

        return new NabCorpus
        {
            Root = root,
            Files = files,
            Profiles = LoadProfiles(Path.Combine(root, "config", "profiles.json")),
            Thresholds = LoadThresholds(Path.Combine(root, "config", "thresholds.json")),
        };
    }

    /// <summary>A published detector's per-row <c>anomaly_score</c> from <c>results/&lt;detector&gt;/</c>, by file name.</summary>
    public IReadOnlyDictionary<string, double[]> LoadResults(string detector)
    {
        var results = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var file in Files)
        {
            var path = Path.Combine(Root, "results", detector, Path.GetDirectoryName(file.Name)!, $"{detector}_{Path.GetFileName(file.Name)}");
            var (timestamps, scores) = NabCsv.ReadColumn(path, "anomaly_score");
            if (!timestamps.SequenceEqual(file.Timestamps))
            {
                throw new InvalidDataException($"{path} does not have the rows of {file.Name}");
            }

            results[file.Name] = scores;
        }

        return results;
    }

    private static NabProfile[] LoadProfiles(string path)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        return [.. json.RootElement.EnumerateObject().Select(p =>
        {
            var costs = p.Value.GetProperty("CostMatrix");
            return new NabProfile(p.Name, costs.GetProperty("tpWeight").GetDouble(), costs.GetProperty("fpWeight").GetDouble(), costs.GetProperty("fnWeight").GetDouble());
        })];
    }

    private static Dictionary<string, IReadOnlyDictionary<string, double>> LoadThresholds(string path)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        return json.RootElement.EnumerateObject().ToDictionary(
            d => d.Name,
            d => (IReadOnlyDictionary<string, double>)d.Value.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetProperty("threshold").GetDouble(), StringComparer.Ordinal),
            StringComparer.Ordinal);
    }
}
