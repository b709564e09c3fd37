using AIOps.Collector.Ingestion;
using AIOps.Collector.Observability;
using AIOps.Collector.Otlp;
using AIOps.Collector.Query;
using AIOps.Collector.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AIOps.Collector;

/// <summary>Registers the collector: options (validated at start), the store, the ingest pipeline and the decoders.</summary>
public static class CollectorServiceCollectionExtensions
{
    public static IServiceCollection AddCollector(this IServiceCollection services, Action<CollectorOptions>? configure = null)
    {
        var options = services.AddOptions<CollectorOptions>().BindConfiguration(CollectorOptions.SectionName).ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton<IValidateOptions<CollectorOptions>, CollectorOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<CollectorMetrics>();
        services.TryAddSingleton<OtlpProtobufDecoder>();
        services.TryAddSingleton<IngestAuthorization>();
        services.TryAddSingleton(sp => new TelemetryStore(sp.GetRequiredService<IOptions<CollectorOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IngestPipeline>();
        services.TryAddSingleton<ITelemetryIngest>(sp => sp.GetRequiredService<IngestPipeline>());
        services.TryAddSingleton<TelemetryQueries>();
        return services;
    }
}
