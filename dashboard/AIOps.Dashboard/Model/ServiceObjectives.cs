using System.Globalization;

namespace AIOps.Dashboard.Model;

/// <summary>
/// The objectives services are held to on the overview, the service pages and the map (configuration section
/// <c>Dashboard:Objectives</c>): a default for every service and overrides by service name.
/// </summary>
public sealed class ServiceObjectives
{
    public const string SectionName = "Dashboard:Objectives";

    /// <summary>Requests that must succeed, in percent, for every service without its own.</summary>
    public double Availability { get; set; } = 99.5;

    /// <summary>The p95 latency every service without its own must stay under, in milliseconds.</summary>
    public double LatencyP95Ms { get; set; } = 500;

    /// <summary>Objectives of single services, by service name.</summary>
    public Dictionary<string, ServiceObjectiveOverride> Services { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The objective <paramref name="service"/> is held to.</summary>
    public ServiceObjective For(string service)
    {
        // Configuration keys are case-insensitive; service names are not, but an override written in another case
        // was still meant for the service.
        var own = Services.TryGetValue(service, out var exact) ? exact
            : Services.FirstOrDefault(s => string.Equals(s.Key, service, StringComparison.OrdinalIgnoreCase)).Value;
        return new ServiceObjective(own?.Availability ?? Availability, own?.LatencyP95Ms ?? LatencyP95Ms);
    }

    /// <summary>Every problem with these settings, naming the setting; empty when they are right.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        Check(problems, SectionName, Availability, LatencyP95Ms);
        foreach (var (name, own) in Services.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            Check(problems, $"{SectionName}:Services:{name}", own.Availability, own.LatencyP95Ms);
        }

        return problems;
    }

    /// <summary>The objectives in <paramref name="configuration"/>; throws, naming the setting, when one is wrong.</summary>
    public static ServiceObjectives From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var objectives = configuration.GetSection(SectionName).Get<ServiceObjectives>() ?? new ServiceObjectives();
        if (objectives.Problems() is { Count: > 0 } problems)
        {
            throw new InvalidOperationException("dashboard objectives: " + string.Join("; ", problems));
        }

        return objectives;
    }

    private static void Check(List<string> problems, string at, double? availability, double? latencyMs)
    {
        // 100 % leaves no error budget at all; 0 % is no objective.
        if (availability is { } a && !(a > 0 && a < 100))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{at}:Availability must be a percentage above 0 and below 100, not {a}"));
        }

        if (latencyMs is { } l && !(l > 0 && double.IsFinite(l)))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{at}:LatencyP95Ms must be a positive number of milliseconds, not {l}"));
        }
    }
}
