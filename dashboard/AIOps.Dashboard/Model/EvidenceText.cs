using System.Globalization;
using AIOps.Analyzer.RootCause;

namespace AIOps.Dashboard.Model;

/// <summary>A piece of root-cause evidence's baseline and incident values in the unit its kind measures.</summary>
public static class EvidenceText
{
    public static string Value(CauseEvidenceKind kind, double value) => kind switch
    {
        CauseEvidenceKind.Latency or CauseEvidenceKind.Network => string.Create(CultureInfo.InvariantCulture, $"{value:0.#} ms"),
        CauseEvidenceKind.Errors => string.Create(CultureInfo.InvariantCulture, $"{value * 100:0.#} %"),
        CauseEvidenceKind.Calls => string.Create(CultureInfo.InvariantCulture, $"{value:0.##}/span"),
        CauseEvidenceKind.Change => value > 0 ? "changed" : "–",
        _ => value.ToString("G4", CultureInfo.InvariantCulture),
    };
}
