using System.Globalization;
using AIOps.Analyzer.Changes;
using AIOps.Analyzer.RootCause;
using AIOps.Collector.Model;

namespace AIOps.Analyzer.Analysis;

/// <summary>
/// Makes the collector's spans into <see cref="RcaSpan"/>s for one read: the service is the resource's
/// <c>service.name</c>, the operation the span's name, and a span failed when its status is Error or it served an
/// HTTP 5xx. Along the way it shares the strings that repeat (trace ids, services, operations) and notes where each
/// instance was first and last seen. One read at a time.
/// </summary>
public sealed class RcaSpanConverter
{
    private readonly Dictionary<TraceId, string> _traceIds = [];
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Service, string Instance), (long First, long Last)> _instances = [];

    /// <summary>The span as root-cause ranking reads it.</summary>
    public RcaSpan Convert(SpanData span)
    {
        ArgumentNullException.ThrowIfNull(span);
        var service = Share(span.Resource.Service);
        if (span.Resource.Instance.Length > 0)
        {
            var key = (service, span.Resource.Instance);
            _instances[key] = _instances.TryGetValue(key, out var seen)
                ? (Math.Min(seen.First, span.StartUnixNano), Math.Max(seen.Last, span.StartUnixNano))
                : (span.StartUnixNano, span.StartUnixNano);
        }

        if (!_traceIds.TryGetValue(span.TraceId, out var traceId))
        {
            traceId = span.TraceId.ToString();
            _traceIds[span.TraceId] = traceId;
        }

        return new RcaSpan(
            traceId,
            span.SpanId.ToString(),
            span.ParentSpanId.IsEmpty ? null : span.ParentSpanId.ToString(),
            service,
            Share(span.Name),
            span.StartUnixNano,
            span.EndUnixNano,
            IsError(span),
            span.Kind == SpanKind.Client && Attribute(span, "peer.service")?.Text is { Length: > 0 } peer ? Share(peer) : null);
    }

    /// <summary>Where each instance of each service was first and last seen among the spans converted so far.</summary>
    public IReadOnlyList<InstanceSighting> Instances() =>
        [.. _instances.Select(pair => new InstanceSighting(pair.Key.Service, pair.Key.Instance, pair.Value.First, pair.Value.Last))];

    /// <summary>
    /// Whether a span failed: its status says so, or it is a server span that answered with an HTTP 5xx (a 4xx is
    /// the client's fault, and a client span's 5xx is the callee's failure, seen on the callee's own span).
    /// </summary>
    public static bool IsError(SpanData span)
    {
        ArgumentNullException.ThrowIfNull(span);
        return span.IsError || (span.Kind == SpanKind.Server && HttpStatus(span) >= 500);
    }

    private static long HttpStatus(SpanData span) => Attribute(span, "http.response.status_code", "http.status_code") is not { } status
        ? 0
        : status.Kind == AttributeKind.Integral
            ? status.Integral
            : long.TryParse(status.Text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;

    // The first attribute under the key or its older name.
    private static AttributeValue? Attribute(SpanData span, string key, string? olderKey = null)
    {
        foreach (var attribute in span.Attributes)
        {
            if (attribute.Key == key || (olderKey is not null && attribute.Key == olderKey))
            {
                return attribute.Value;
            }
        }

        return null;
    }

    private string Share(string name)
    {
        if (_names.TryGetValue(name, out var shared))
        {
            return shared;
        }

        _names[name] = name;
        return name;
    }
}
