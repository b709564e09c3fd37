using AIOps.Dashboard.Chaos;
using AIOps.Dashboard.Demo;

namespace AIOps.Dashboard.Tests.Chaos;

/// <summary>Recorded chaos runs on a clock that starts at 08:00, in whole seconds.</summary>
internal static class ChaosFixtures
{
    public static readonly DateTimeOffset Start = new(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);

    public static DateTimeOffset At(double seconds) => Start.AddSeconds(seconds);

    /// <summary>
    /// A case injected at <paramref name="injectedAt"/> for <paramref name="faultSeconds"/>, detection window +30 s, settled
    /// at <paramref name="settledAt"/>; the driver saw incident <paramref name="seen"/> at <paramref name="seenAt"/>, if given.
    /// </summary>
    public static ChaosCaseRun Run(int number, string service, string kind, double injectedAt, double faultSeconds, double settledAt, string? seen = null, double seenAt = 0) => new(
        new ChaosCase(number, service, kind, null, TimeSpan.FromSeconds(faultSeconds), TimeSpan.FromSeconds(30)),
        new InstanceFault(kind, 1, faultSeconds),
        [service + "-1"],
        At(injectedAt),
        At(injectedAt + faultSeconds),
        At(injectedAt + faultSeconds + 30),
        At(settledAt),
        seen is null ? null : new ChaosSighting(seen, At(seenAt)));

    public static ChaosIncident Incident(string id, double openedAt, params string[] causes) =>
        new(id, At(openedAt), "title of " + id, causes.Length == 0 ? ["hotel"] : [causes[0]], causes);
}
