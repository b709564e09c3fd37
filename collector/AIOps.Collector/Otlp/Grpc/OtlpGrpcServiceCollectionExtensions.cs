using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AIOps.Collector.Otlp.Grpc;

public static class OtlpGrpcServiceCollectionExtensions
{
    /// <summary>
    /// What <see cref="OtlpGrpcEndpoints.MapOtlpGrpc"/> needs besides an <c>ITelemetryIngest</c>: the options,
    /// validated at start, the decoder (a singleton: it keeps the delta-to-cumulative state) and the clock.
    /// </summary>
    public static IServiceCollection AddOtlpGrpc(this IServiceCollection services)
    {
        services.AddOptions<OtlpGrpcOptions>().BindConfiguration(OtlpGrpcOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OtlpGrpcOptions>, OtlpGrpcOptionsValidator>());
        services.TryAddSingleton<OtlpProtobufDecoder>();
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
