using System.Globalization;
using System.Text.Json;
using AIOps.Remediator.Audit;

namespace AIOps.Remediator.Reports;

/// <summary>The daily reports on disk: reports/YYYY-MM-DD.json under the remediation data directory.</summary>
public sealed class RemediationReports(RemediationOptions options)
{
    private string Directory => Path.Combine(options.DataDirectory, "reports");

    public string Write(RemediationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        System.IO.Directory.CreateDirectory(Directory);
        var path = PathOf(report.Day);
        var aside = path + ".tmp";
        File.WriteAllText(aside, JsonSerializer.Serialize(report, JsonLinesFile<RemediationReport>.Json));
        File.Move(aside, path, overwrite: true);
        return path;
    }

    /// <summary>The days with a report, newest first.</summary>
    public IReadOnlyList<DateOnly> Days() => System.IO.Directory.Exists(Directory)
        ? [.. System.IO.Directory.EnumerateFiles(Directory, "*.json")
            .Select(f => DateOnly.TryParseExact(Path.GetFileNameWithoutExtension(f), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : (DateOnly?)null)
            .OfType<DateOnly>().OrderDescending()]
        : [];

    public RemediationReport? Read(DateOnly day) =>
        File.Exists(PathOf(day)) ? JsonSerializer.Deserialize<RemediationReport>(File.ReadAllText(PathOf(day)), JsonLinesFile<RemediationReport>.Json) : null;

    private string PathOf(DateOnly day) => Path.Combine(Directory, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ".json");
}
