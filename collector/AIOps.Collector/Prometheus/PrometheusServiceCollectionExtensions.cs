using System.Net;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AIOps.Collector.Prometheus;

/// <summary>Registers the Prometheus receivers; an <see cref="Ingestion.ITelemetryIngest"/> must be registered too.</summary>
public static class PrometheusServiceCollectionExtensions
{
    /// <summary>The remote-write receiver's decoder and limits; map it with <see cref="PrometheusEndpoints.MapPrometheusRemoteWrite"/>.</summary>
    public static IServiceCollection AddPrometheusRemoteWrite(this IServiceCollection services)
    {
        services.AddOptions<RemoteWriteOptions>().BindConfiguration(RemoteWriteOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RemoteWriteOptions>, RemoteWriteOptionsValidator>());
        services.TryAddSingleton<RemoteWriteDecoder>();
        return services;
    }

    /// <summary>The scraper: its options, target discovery, HTTP client and the background worker.</summary>
    public static IServiceCollection AddPrometheusScrape(this IServiceCollection services)
    {
        services.AddOptions<ScrapeOptions>().BindConfiguration(ScrapeOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ScrapeOptions>, ScrapeOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(ScrapeTargetDiscovery.HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
                ConnectTimeout = TimeSpan.FromSeconds(5),
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            });
        services.TryAddSingleton<ScrapeTargetDiscovery>();
        services.TryAddSingleton<TargetScraper>();
        services.TryAddSingleton<ScrapeWorker>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ScrapeWorker>(sp => sp.GetRequiredService<ScrapeWorker>()));
        return services;
    }
}
