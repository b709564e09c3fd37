using System.Globalization;
using AIOps.Collector.Query;

namespace AIOps.Dashboard.Model;

/// <summary>
/// A fault the travel platform announced: a span event fault.injected, fault.expired or fault.cleared, with the
/// fault's id, kind, intensity and instance in its attributes.
/// </summary>
/// <param name="Time">When it was announced.</param>
/// <param name="What">injected, expired or cleared.</param>
/// <param name="Id">The fault's id (fault.id).</param>
/// <param name="Kind">latency, error, crash, … (fault.kind).</param>
/// <param name="Intensity">How strong (fault.intensity), in the kind's terms.</param>
/// <param name="Dependency">The dependency it concerns, for faults on outbound calls (fault.dependency).</param>
/// <param name="Instance">The instance it is on (service.instance.id).</param>
public sealed record FaultEvent(DateTimeOffset Time, string What, string? Id, string? Kind, double? Intensity, string? Dependency, string? Instance)
{
    /// <summary>What the platform's fault events are named: this, then what happened.</summary>
    public const string EventPrefix = "fault.";

    /// <summary>The operations that carry fault events: the faults admin API and the chaos timer's own spans.</summary>
    public static bool Announces(string operation) =>
        operation.Contains("/admin/faults", StringComparison.Ordinal) || operation.StartsWith("chaos " + EventPrefix, StringComparison.Ordinal);

    /// <summary>The fault events on the spans of <paramref name="service"/>, oldest first.</summary>
    public static IReadOnlyList<FaultEvent> Read(IEnumerable<SpanView> spans, string service) =>
        [.. spans.Where(s => string.Equals(s.Service, service, StringComparison.Ordinal))
            .SelectMany(s => s.Events.Where(e => e.Name.StartsWith(EventPrefix, StringComparison.Ordinal)).Select(e => From(e, s.Instance)))
            .DistinctBy(f => (f.Time, f.What, f.Id))
            .OrderBy(f => f.Time)];

    /// <summary>The fault in a few words: "latency 0.8 on hotel-2 (f-1a2b3c)".</summary>
    public string Describe()
    {
        var parts = new List<string> { Kind ?? "fault" };
        if (Intensity is { } intensity)
        {
            parts.Add(intensity.ToString("0.##", CultureInfo.InvariantCulture));
        }

        if (Dependency is { Length: > 0 })
        {
            parts.Add("towards " + Dependency);
        }

        if (Instance is { Length: > 0 })
        {
            parts.Add("on " + Instance);
        }

        return string.Join(' ', parts) + (Id is null ? "" : $" ({Id})");
    }

    private static FaultEvent From(SpanEventView e, string? spanInstance)
    {
        var time = long.TryParse(e.TimeUnixNano, NumberStyles.Integer, CultureInfo.InvariantCulture, out var nanos)
            ? DateTimeOffset.UnixEpoch.AddTicks(nanos / 100)
            : DateTimeOffset.UnixEpoch;
        return new FaultEvent(
            time,
            e.Name[EventPrefix.Length..],
            Text(e, "fault.id"),
            Text(e, "fault.kind"),
            e.Attributes.GetValueOrDefault("fault.intensity") switch { double d => d, long l => l, _ => null },
            Text(e, "fault.dependency"),
            Text(e, "service.instance.id") ?? spanInstance);
    }

    private static string? Text(SpanEventView e, string key) => e.Attributes.GetValueOrDefault(key) is { } value ? Convert.ToString(value, CultureInfo.InvariantCulture) : null;
}
