using System.Globalization;
using System.Text.Json.Nodes;

namespace AIOps.Dashboard.Chaos;

/// <summary>`aiops eval chaos` output: a table for people, or one JSON object (snake_case keys, as the other evaluations).</summary>
public static class ChaosReport
{
    public static string ToJson(ChaosEvaluation evaluation, double seconds)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        var json = new JsonObject { ["seed"] = evaluation.Seed };
        Add(json, evaluation.Overall);
        json["false_incidents"] = evaluation.FalseIncidents.Count;
        json["quiet_s"] = Math.Round(evaluation.QuietTime.TotalSeconds, 1);
        var byFault = new JsonObject();
        foreach (var (fault, summary) in evaluation.ByFault.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var entry = new JsonObject();
            Add(entry, summary);
            byFault[fault] = entry;
        }

        json["by_fault"] = byFault;
        json["results"] = new JsonArray([.. evaluation.Results.Select(Result)]);
        json["false_incident_list"] = new JsonArray([.. evaluation.FalseIncidents.Select(Incident)]);
        json["stopped"] = evaluation.StoppedBecause;
        json["seconds"] = Math.Round(seconds, 1);
        return json.ToJsonString();
    }

    public static string ToTable(ChaosEvaluation evaluation, double seconds)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        var lines = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"Chaos on the travel platform: {Cases(evaluation.Overall.Cases)}, seed {evaluation.Seed}"),
            "fault                cases  detected  delay s  seen s   AC@1   AC@3   AC@5",
            Row("all", evaluation.Overall),
        };
        lines.AddRange(evaluation.ByFault.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => Row(p.Key, p.Value)));
        lines.Add(string.Create(CultureInfo.InvariantCulture, $"false incidents: {evaluation.FalseIncidents.Count} in {evaluation.QuietTime.TotalMinutes:F1} min without a fault"));
        lines.AddRange(evaluation.Results.Select(Line));
        lines.AddRange(evaluation.FalseIncidents.Select(i =>
            string.Create(CultureInfo.InvariantCulture, $"  false: {i.Id} opened {i.OpenedAt:HH:mm:ss} on {string.Join(", ", i.Services)}: {i.Title}")));
        if (evaluation.StoppedBecause is { } stopped)
        {
            lines.Add("stopped before the plan's end: " + stopped);
        }

        lines.Add(string.Create(CultureInfo.InvariantCulture, $"({seconds / 60:F1} min)"));
        return string.Join(Environment.NewLine, lines);
    }

    private static void Add(JsonObject json, ChaosSummary summary)
    {
        json["cases"] = summary.Cases;
        json["detected"] = summary.Detected;
        foreach (var k in new[] { 1, 3, 5 })
        {
            json["ac" + k.ToString(CultureInfo.InvariantCulture)] = Math.Round(summary.Accuracy.Ac(k), 4);
        }

        json["detection_delay_s"] = Round(summary.MeanDelaySeconds);
        json["detection_delay_max_s"] = Round(summary.MaxDelaySeconds);
        json["visible_delay_s"] = Round(summary.MeanVisibleDelaySeconds);
    }

    private static JsonObject Result(ChaosCaseResult result)
    {
        var run = result.Run;
        return new JsonObject
        {
            ["case"] = run.Case.Number,
            ["service"] = run.Case.Service,
            ["fault"] = run.Case.Kind,
            ["dependency"] = run.Case.Dependency,
            ["intensity"] = Math.Round(run.Fault.Intensity, 4),
            ["fault_s"] = run.Case.FaultDuration.TotalSeconds,
            ["quiet_before_s"] = run.Case.QuietBefore.TotalSeconds,
            ["instances"] = new JsonArray([.. run.Instances.Select(i => JsonValue.Create(i))]),
            ["injected_at"] = run.InjectedAt,
            ["settled_s"] = Math.Round((run.SettledAt - run.InjectedAt).TotalSeconds, 1),
            ["detected"] = result.Detected,
            ["incident"] = result.Incident?.Id,
            ["detection_delay_s"] = Round(result.DelaySeconds),
            ["visible_delay_s"] = Round(result.VisibleDelaySeconds),
            ["rank"] = result.Rank,
            ["causes"] = new JsonArray([.. (result.Incident?.Causes ?? []).Select(c => JsonValue.Create(c))]),
            ["other_incidents"] = new JsonArray([.. result.OtherIncidents.Select(i => JsonValue.Create(i.Id))]),
            ["open_at_injection"] = new JsonArray([.. (run.OpenAtInjection ?? []).Select(i => JsonValue.Create(i))]),
        };
    }

    private static JsonObject Incident(ChaosIncident incident) => new()
    {
        ["id"] = incident.Id,
        ["opened_at"] = incident.OpenedAt,
        ["services"] = new JsonArray([.. incident.Services.Select(s => JsonValue.Create(s))]),
        ["title"] = incident.Title,
    };

    private static string Row(string fault, ChaosSummary s) => string.Create(CultureInfo.InvariantCulture,
        $"{fault,-20} {s.Cases,5} {$"{s.Detected}/{s.Cases}",9} {Seconds(s.MeanDelaySeconds),8} {Seconds(s.MeanVisibleDelaySeconds),7} {s.Accuracy.Ac(1),6:F2} {s.Accuracy.Ac(3),6:F2} {s.Accuracy.Ac(5),6:F2}");

    private static string Line(ChaosCaseResult r)
    {
        var head = string.Create(CultureInfo.InvariantCulture, $"  #{r.Run.Case.Number} {r.Run.Case.Description}, {r.Run.Case.FaultDuration.TotalSeconds:0} s: ");
        if (r.Incident is not { } incident)
        {
            return head + "not detected" + (r.Run.OpenAtInjection is { Count: > 0 } open ? $" ({string.Join(", ", open)} open at the injection)" : string.Empty);
        }

        var ranked = r.Rank > 0 ? $"ranked {r.Rank.ToString(CultureInfo.InvariantCulture)}" : "not ranked";
        var first = r.Rank == 1 ? string.Empty : r.TopCause is { } top ? $" ({top} first)" : " (the incident has no causes)";
        var seen = r.VisibleDelaySeconds is { } visible ? string.Create(CultureInfo.InvariantCulture, $" (seen after {visible:F0} s)") : string.Empty;
        return head + string.Create(CultureInfo.InvariantCulture, $"{incident.Id} after {r.DelaySeconds:F0} s{seen}, {r.Run.Case.Service} {ranked}{first}");
    }

    /// <summary>"1 case", "4 cases".</summary>
    public static string Cases(int count) => count == 1 ? "1 case" : count.ToString(CultureInfo.InvariantCulture) + " cases";

    private static string Seconds(double? value) => value is { } v ? v.ToString("F1", CultureInfo.InvariantCulture) : "-";

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 1) : null;
}
