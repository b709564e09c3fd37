using AIOps.Collector.Ingestion;
using AIOps.Collector.Observability;
using AIOps.Collector.Otlp.Http;
using AIOps.Collector.Prometheus;
using AIOps.Collector.Query;
using AIOps.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace AIOps.Collector.Tests;

/// <summary>A real collector on 127.0.0.1 (free port) over a temporary data directory.</summary>
public sealed class CollectorHost : IAsyncDisposable
{
    private CollectorHost(WebApplication app, string directory)
    {
        App = app;
        DataDirectory = directory;
        Http = new HttpClient { BaseAddress = new Uri(app.Urls.First() + "/"), Timeout = TimeSpan.FromSeconds(30) };
    }

    public WebApplication App { get; }

    public string DataDirectory { get; }

    public HttpClient Http { get; }

    public Uri BaseAddress => Http.BaseAddress!;

    public static async Task<CollectorHost> StartAsync(Action<CollectorOptions>? configure = null, string? directory = null)
    {
        directory ??= Directory.CreateTempSubdirectory("aiops-collector-").FullName;
        var app = await LoopbackApp.StartAsync(
            app =>
            {
                app.Services.GetRequiredService<IngestPipeline>();
                app.MapOtlpHttp();
                app.MapCollectorQueries();
                app.MapPrometheusRemoteWrite();
                app.MapCollectorMetrics();
            },
            services => services.AddCollector(o =>
            {
                o.DataDirectory = directory;
                configure?.Invoke(o);
            }).AddPrometheusRemoteWrite());
        return new CollectorHost(app, directory);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
