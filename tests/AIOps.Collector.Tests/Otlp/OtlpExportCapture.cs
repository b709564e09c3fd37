using System.Collections.Concurrent;
using AIOps.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace AIOps.Collector.Tests.Otlp;

/// <summary>Receives what a real OpenTelemetry SDK exporter sends and keeps the raw bodies per signal.</summary>
public sealed class OtlpExportCapture : IAsyncDisposable
{
    private readonly ConcurrentQueue<(string Path, byte[] Body)> _bodies = new();
    private WebApplication _app = null!;

    public Uri Endpoint => new(_app.Urls.First() + "/");

    public static async Task<OtlpExportCapture> StartAsync()
    {
        var capture = new OtlpExportCapture();
        capture._app = await LoopbackApp.StartAsync(app => app.MapPost("/v1/{signal}", async (string signal, HttpRequest request) =>
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer);
            capture._bodies.Enqueue((signal, buffer.ToArray()));
            return Results.Bytes([], "application/x-protobuf");
        }));
        return capture;
    }

    public IReadOnlyList<byte[]> Bodies(string signal) => [.. _bodies.Where(b => b.Path == signal).Select(b => b.Body)];

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
