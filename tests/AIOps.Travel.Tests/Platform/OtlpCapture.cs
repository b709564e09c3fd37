using AIOps.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using System.Collections.Concurrent;

namespace AIOps.Travel.Tests.Platform;

/// <summary>
/// A test OTLP/HTTP receiver on loopback: accepts what the OpenTelemetry SDK exporters of the travel
/// processes send to /v1/traces, /v1/metrics and /v1/logs (protobuf), and keeps it for assertions.
/// </summary>
public sealed class OtlpCapture : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentBag<CapturedSpan> _spans = [];
    private readonly ConcurrentBag<CapturedLog> _logs = [];
    private readonly ConcurrentDictionary<(string Service, string Metric), byte> _metrics = new();
    private readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, string>> _resources = new(StringComparer.Ordinal);

    private OtlpCapture(WebApplication app) => _app = app;

    public string Endpoint => _app.Urls.First();

    public IReadOnlyCollection<CapturedSpan> Spans => _spans;

    public IReadOnlyCollection<CapturedLog> Logs => _logs;

    /// <summary>Every (service, metric name) pair seen.</summary>
    public ICollection<(string Service, string Metric)> Metrics => _metrics.Keys;

    /// <summary>Resource attributes by service.instance.id.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Resources => _resources;

    public static async Task<OtlpCapture> StartAsync()
    {
        OtlpCapture? capture = null;
        var app = await LoopbackApp.StartAsync(app =>
        {
            app.MapPost("/v1/traces", async (HttpRequest request) => await ReceiveAsync(request, capture!.Traces).ConfigureAwait(false));
            app.MapPost("/v1/metrics", async (HttpRequest request) => await ReceiveAsync(request, capture!.MetricsExport).ConfigureAwait(false));
            app.MapPost("/v1/logs", async (HttpRequest request) => await ReceiveAsync(request, capture!.LogsExport).ConfigureAwait(false));
        }).ConfigureAwait(false);
        capture = new OtlpCapture(app);
        return capture;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private static async Task<IResult> ReceiveAsync(HttpRequest request, Action<ProtoMessage> handle)
    {
        if (request.ContentType != "application/x-protobuf")
        {
            return Results.StatusCode(StatusCodes.Status415UnsupportedMediaType);
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer).ConfigureAwait(false);
        handle(ProtoMessage.Parse(buffer.ToArray()));
        return Results.Bytes([], "application/x-protobuf");
    }

    private Dictionary<string, string> Resource(ProtoMessage resourceContainer)
    {
        var attributes = resourceContainer.Message(1)?.Attributes(1) ?? [];
        if (attributes.TryGetValue("service.instance.id", out var instance))
        {
            _resources[instance] = attributes;
        }

        return attributes;
    }

    private void Traces(ProtoMessage request)
    {
        foreach (var resourceSpans in request.Messages(1))
        {
            var resource = Resource(resourceSpans);
            var service = resource.GetValueOrDefault("service.name", "?");
            foreach (var span in resourceSpans.Messages(2).SelectMany(scope => scope.Messages(2)))
            {
                _spans.Add(new CapturedSpan(
                    Convert.ToHexStringLower(span.Bytes(1) ?? []), Convert.ToHexStringLower(span.Bytes(2) ?? []), Convert.ToHexStringLower(span.Bytes(4) ?? []),
                    span.Text(5) ?? string.Empty, (int)span.Number(6), service, resource, [.. span.Messages(11).Select(e => e.Text(2) ?? string.Empty)],
                    span.Attributes(9), (int)(span.Message(15)?.Number(3) ?? 0)));
            }
        }
    }

    private void MetricsExport(ProtoMessage request)
    {
        foreach (var resourceMetrics in request.Messages(1))
        {
            var service = Resource(resourceMetrics).GetValueOrDefault("service.name", "?");
            foreach (var metric in resourceMetrics.Messages(2).SelectMany(scope => scope.Messages(2)))
            {
                _metrics[(service, metric.Text(1) ?? string.Empty)] = 0;
            }
        }
    }

    private void LogsExport(ProtoMessage request)
    {
        foreach (var resourceLogs in request.Messages(1))
        {
            var service = Resource(resourceLogs).GetValueOrDefault("service.name", "?");
            foreach (var log in resourceLogs.Messages(2).SelectMany(scope => scope.Messages(2)))
            {
                _logs.Add(new CapturedLog(
                    Convert.ToHexStringLower(log.Bytes(9) ?? []), Convert.ToHexStringLower(log.Bytes(10) ?? []), service, (int)log.Number(2),
                    log.Message(5)?.Text(1) ?? string.Empty, log.Attributes(6)));
            }
        }
    }
}
