using System.Globalization;
using System.Text.Json;

namespace AIOps.Dashboard.Healing;

/// <summary>`aiops eval heal` output: lines for people, or one JSON object (snake_case keys, as the other evaluations).</summary>
public static class HealReport
{
    private static readonly JsonSerializerOptions s_json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static string ToJson(HealResult result, double seconds)
    {
        ArgumentNullException.ThrowIfNull(result);
        var json = JsonSerializer.SerializeToNode(result, s_json)!.AsObject();
        json["seconds"] = Math.Round(seconds, 1);
        return json.ToJsonString();
    }

    public static string ToTable(HealResult result, double seconds)
    {
        ArgumentNullException.ThrowIfNull(result);
        var lines = new List<string>
        {
            Text($"Healing, {result.Scenario} on {result.Target}, remediation {(result.Remediation ? "on" : "off")}: {result.Verdict}"),
            Text($"  time to detect   {Seconds(result.DetectS)}"),
            Text($"  time to act      {Seconds(result.ActS)}"),
            Text($"  time to recover  {Seconds(result.RecoverS)}"),
        };
        if (result.IncidentId is { } incident)
        {
            lines.Add(Text($"  incident         {incident}: {string.Join(", ", result.Causes)}"));
        }

        if (result.ObjectiveMs is { } objective)
        {
            lines.Add(Text($"  gateway p95      {result.BaselineP95Ms:0} ms before, worst {result.WorstP95Ms:0} ms during the sale; objective {objective:0} ms; {result.WindowsOverObjective} windows of 10 s over it; worst error rate {result.WorstErrorRate:P1}"));
            lines.Add(Text($"  scaled back in   {Seconds(result.ScaledInS)}"));
        }

        if (result.WatchedS is { } watched)
        {
            lines.Add(Text($"  watched          {watched:0} s; incidents: {(result.FalseIncidents.Count == 0 ? "none" : string.Join("; ", result.FalseIncidents))}"));
        }

        lines.Add("  actions (seconds after the start: decided, started, finished)");
        lines.AddRange(result.Actions.Select(a => Text($"    {a.DecidedS,7:0.0} {a.StartedS,7:0.0} {a.FinishedS,7:0.0}  {a.Service} {a.Policy} {a.State}: {a.Summary}")));
        lines.Add(Text($"{seconds:0} s"));
        return string.Join(Environment.NewLine, lines);
    }

    private static string Seconds(double? seconds) => seconds is { } s ? Text($"{s:0.0} s") : "-";

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
