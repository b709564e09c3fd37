using System.Globalization;
using AIOps.Analyzer.RootCause;

namespace AIOps.Analyzer.Changes;

/// <summary>
/// Restarts and scale-outs read from telemetry alone: every process of a service reports its own instance id, so an
/// instance first seen well into the observed stretch, on a service another instance was seen on before it, is a new
/// process. It replaced one (a restart) when another instance was last seen no later than shortly after it appeared;
/// otherwise it was added (a scale-out). Instances seen only near the start may simply have been quiet before, and a
/// service whose only instance appears late may have been idle, so neither counts. Pure.
/// </summary>
public static class InstanceChanges
{
    /// <summary>
    /// The changes shown by <paramref name="sightings"/>, observed from <paramref name="observedFromNanos"/>: instances
    /// first seen more than <paramref name="graceNanos"/> after it, oldest first.
    /// </summary>
    public static IReadOnlyList<ChangeEvent> Detect(IReadOnlyCollection<InstanceSighting> sightings, long observedFromNanos, long graceNanos)
    {
        ArgumentNullException.ThrowIfNull(sightings);
        var changes = new List<ChangeEvent>();
        foreach (var service in sightings.GroupBy(s => s.Service, StringComparer.Ordinal))
        {
            foreach (var added in service.Where(s => s.FirstNanos > observedFromNanos + graceNanos))
            {
                var before = service.Where(s => s.Instance != added.Instance && s.FirstNanos < added.FirstNanos).ToList();
                if (before.Count == 0)
                {
                    continue;
                }

                var replaced = before.Where(s => s.LastNanos <= added.FirstNanos + graceNanos).OrderByDescending(s => s.LastNanos).Select(s => (InstanceSighting?)s).FirstOrDefault();
                var timeMs = added.FirstNanos / 1_000_000;
                changes.Add(replaced is { } old
                    ? new ChangeEvent(service.Key, "restart", timeMs, string.Create(CultureInfo.InvariantCulture, $"instance {added.Instance} of {service.Key} appeared as {old.Instance} went quiet (telemetry)"), added.Instance)
                    : new ChangeEvent(service.Key, "scale", timeMs, string.Create(CultureInfo.InvariantCulture, $"instance {added.Instance} of {service.Key} appeared beside {before.Count} seen before it (telemetry)"), added.Instance));
            }
        }

        return [.. changes.OrderBy(c => c.TimeMs)];
    }
}
