using System.Net;
using AIOps.Collector.Ingestion;
using AIOps.Collector.Otlp.Grpc;
using AIOps.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AIOps.Collector.Tests.Otlp.Grpc;

/// <summary>
/// A real host with the OTLP/gRPC receiver on a cleartext HTTP/2 port of 127.0.0.1, and a second,
/// HTTP/1.1-only port to show what a client that is not gRPC gets.
/// </summary>
public sealed class OtlpGrpcTestServer : IAsyncDisposable
{
    /// <summary>Smaller than the default so that the limit is cheap to exceed.</summary>
    public const int MaxMessageBytes = 4 * 1024 * 1024;

    private readonly WebApplication _app;

    private OtlpGrpcTestServer(WebApplication app, int grpcPort, int http1Port)
    {
        _app = app;
        GrpcEndpoint = new Uri($"http://127.0.0.1:{grpcPort}");
        Http1Endpoint = new Uri($"http://127.0.0.1:{http1Port}");
    }

    public Uri GrpcEndpoint { get; }

    public Uri Http1Endpoint { get; }

    public static async Task<OtlpGrpcTestServer> StartAsync(ITelemetryIngest ingest, TimeProvider clock)
    {
        var grpcPort = LoopbackPort.Free();
        var http1Port = LoopbackPort.Free();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            OtlpGrpcListener.Listen(kestrel, IPAddress.Loopback, grpcPort);
            kestrel.Listen(IPAddress.Loopback, http1Port, listen => listen.Protocols = HttpProtocols.Http1);
        });
        builder.Services.AddSingleton(clock);
        builder.Services.AddOtlpGrpc();
        builder.Services.Configure<OtlpGrpcOptions>(options => options.MaxMessageBytes = MaxMessageBytes);
        builder.Services.AddSingleton(ingest);
        var app = builder.Build();
        app.MapOtlpGrpc();
        await app.StartAsync();
        return new OtlpGrpcTestServer(app, grpcPort, http1Port);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
