using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AIOps.Remediator.Policies;

/// <summary>
/// Reads a policy file (YAML) into a <see cref="PolicySet"/>, checking every field: a wrong value, a missing one or
/// an unknown key fails with the file, line, column and path (<see cref="PolicyFileException"/>).
/// </summary>
public static class PolicyFileReader
{
    public static readonly IReadOnlyList<string> Severities = ["critical", "warning", "info"];
    public static readonly IReadOnlyList<string> Sources = ["incident", "alert"];
    public static readonly IReadOnlyList<string> CauseIndicators = ["latency", "errors", "cpu", "memory", "saturation", "network", "change"];

    private static readonly Dictionary<string, DayOfWeek> s_days = new(StringComparer.OrdinalIgnoreCase)
    {
        ["mon"] = DayOfWeek.Monday, ["tue"] = DayOfWeek.Tuesday, ["wed"] = DayOfWeek.Wednesday, ["thu"] = DayOfWeek.Thursday,
        ["fri"] = DayOfWeek.Friday, ["sat"] = DayOfWeek.Saturday, ["sun"] = DayOfWeek.Sunday,
    };

    public static PolicySet ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new PolicyFileException($"{path}: cannot read the policy file: {ex.Message}", ex);
        }

        return Read(text, Path.GetFileName(path));
    }

    /// <param name="text">The policy file's YAML.</param>
    /// <param name="source">The name errors give the text (its file name).</param>
    public static PolicySet Read(string text, string source = "policies.yaml")
    {
        ArgumentNullException.ThrowIfNull(text);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            throw new PolicyFileException(source, ex.Start.Line, ex.Start.Column, "", "not valid YAML: " + ex.Message);
        }

        if (stream.Documents.Count != 1)
        {
            throw new PolicyFileException($"{source}: expected one YAML document, found {stream.Documents.Count}");
        }

        var root = new YamlFields(source, stream.Documents[0].RootNode, "");
        var set = new PolicySet
        {
            KillSwitch = root.Bool("kill_switch", false),
            Limits = Limits(root.Map("limits")),
            Freezes = [.. root.Maps("freezes").Select(Freeze)],
            Policies = [.. root.Maps("policies").Select(Policy)],
        };
        root.Done();

        var twice = set.Policies.GroupBy(p => p.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            var second = twice.Skip(1).First();
            throw new PolicyFileException(source, second.Line, 1, "policies", $"the name '{twice.Key}' is used twice; names identify policies in the audit log");
        }

        return set;
    }

    private static SafetyLimits Limits(YamlFields? map)
    {
        if (map is null)
        {
            return new SafetyLimits();
        }

        var limits = new SafetyLimits
        {
            ActionsPerHour = map.Number("actions_per_hour", 10, 0, 1000),
            ActionsPerHourPerService = map.Number("actions_per_hour_per_service", 3, 0, 1000),
            ConcurrentServices = map.Number("concurrent_services", 1, 1, 100),
            ApprovalExpiry = map.Duration("approval_expiry", TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(1), TimeSpan.FromDays(1)),
        };
        map.Done();
        return limits;
    }

    private static FreezeWindow Freeze(YamlFields map)
    {
        var name = map.String("name", required: true)!;
        var start = map.Instant("start");
        var end = map.Instant("end");
        var days = map.Strings("days", [.. s_days.Keys]);
        var from = map.String("from");
        var to = map.String("to");
        map.Done();
        if (start is not null || end is not null)
        {
            if (start is null || end is null || end <= start || days.Count > 0 || from is not null || to is not null)
            {
                throw map.Fail("a freeze is either start and end (end after start) or days with from and to");
            }

            return new FreezeWindow { Name = name, Start = start, End = end };
        }

        if (days.Count == 0 || from is null || to is null)
        {
            throw map.Fail("a weekly freeze needs days, from and to (like days: [sat, sun], from: \"00:00\", to: \"24:00\")");
        }

        return new FreezeWindow { Name = name, Days = [.. days.Select(d => s_days[d])], From = TimeOfDay(map, "from", from), To = TimeOfDay(map, "to", to) };
    }

    private static TimeSpan TimeOfDay(YamlFields map, string key, string text) =>
        text == "24:00" ? TimeSpan.FromDays(1)
        : TimeSpan.TryParseExact(text, @"hh\:mm", CultureInfo.InvariantCulture, out var value) ? value
        : throw map.Fail($"{key} '{text}' is not a time of day HH:MM (UTC, 00:00 to 24:00)");

    private static RemediationPolicy Policy(YamlFields map)
    {
        var name = map.String("name", required: true)!;
        var match = map.Map("match");
        var action = map.Map("action") ?? throw map.Fail("'action' is required");
        var policy = new RemediationPolicy
        {
            Name = name,
            Mode = map.Enum("mode", RemediationMode.Shadow),
            Match = match is null ? new PolicyMatch() : Match(match),
            Action = Action(action),
            Cooldown = map.Duration("cooldown", TimeSpan.FromMinutes(10), TimeSpan.Zero, TimeSpan.FromDays(1)),
            VerifyWithin = map.Duration("verify_within", TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(30), TimeSpan.FromHours(6)),
            Line = (int)map.Line,
        };
        map.Done();
        return policy;
    }

    private static PolicyMatch Match(YamlFields map)
    {
        var match = new PolicyMatch
        {
            Services = map.Strings("services"),
            CauseIndicators = map.Strings("cause_indicators", CauseIndicators),
            Signals = map.Strings("signals", Enum.GetNames<AIOps.Analyzer.Signals.Indicator>()),
            Severities = map.Strings("severities", Severities),
            Sources = map.Strings("sources", Sources),
            AlertNames = map.Strings("alert_names"),
        };
        map.Done();
        return match;
    }

    private static PolicyAction Action(YamlFields map)
    {
        var type = map.Enum("type", RemediationActionType.RestartInstance);
        if (!map.Has("type"))
        {
            throw map.Fail("'type' is required: scale-out, scale-in, rolling-restart, restart-instance or predictive-scale");
        }

        var replicas = map.Parsed("replicas", text => (ReplicaChange.TryParse(text, out var error), error));
        var action = new PolicyAction
        {
            Type = type,
            Replicas = replicas ?? (type == RemediationActionType.ScaleOut ? new ReplicaChange(1, 0) : null),
            MinReplicas = map.Number("min_replicas", 1, 0, 1000),
            MaxReplicas = map.Number("max_replicas", 10, 1, 1000),
            MinHealthy = map.Number("min_healthy", 1, 0, 1000),
            Headroom = map.Number("headroom", 0.3, 0, 5),
            Lead = map.Duration("lead", TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(1), TimeSpan.FromDays(1)),
            RatePerReplica = map.Number("rate_per_replica", 0, 0, 1e9),
        };
        map.Done();
        if (action.MinReplicas > action.MaxReplicas)
        {
            throw map.Fail($"min_replicas {action.MinReplicas} is above max_replicas {action.MaxReplicas}");
        }

        if (type == RemediationActionType.PredictiveScale && action.RatePerReplica <= 0)
        {
            throw map.Fail("predictive-scale needs rate_per_replica: the request rate one replica serves at its target");
        }

        return action;
    }
}
