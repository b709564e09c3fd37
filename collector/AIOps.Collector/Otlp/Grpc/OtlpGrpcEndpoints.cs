using AIOps.Collector.Model;
using Microsoft.Extensions.Options;

namespace AIOps.Collector.Otlp.Grpc;

/// <summary>
/// The OTLP/gRPC receiver: the three unary Export methods of opentelemetry-proto's collector services,
/// served straight from Kestrel (gRPC framing over HTTP/2, no gRPC library).
/// </summary>
public static class OtlpGrpcEndpoints
{
    public const string TracesPath = "/opentelemetry.proto.collector.trace.v1.TraceService/Export";
    public const string MetricsPath = "/opentelemetry.proto.collector.metrics.v1.MetricsService/Export";
    public const string LogsPath = "/opentelemetry.proto.collector.logs.v1.LogsService/Export";

    /// <summary>Maps the Export methods; needs <see cref="OtlpGrpcServiceCollectionExtensions.AddOtlpGrpc"/> and an <c>ITelemetryIngest</c>.</summary>
    public static RouteGroupBuilder MapOtlpGrpc(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var services = endpoints.ServiceProvider;
        var handler = new OtlpGrpcHandler(
            services.GetRequiredService<OtlpProtobufDecoder>(),
            services.GetRequiredService<IOptions<OtlpGrpcOptions>>().Value,
            services.GetService<TimeProvider>() ?? TimeProvider.System,
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OtlpGrpcEndpoints).FullName!));

        var group = endpoints.MapGroup(string.Empty);
        group.MapPost(TracesPath, context => handler.HandleAsync(context, Signal.Traces));
        group.MapPost(MetricsPath, context => handler.HandleAsync(context, Signal.Metrics));
        group.MapPost(LogsPath, context => handler.HandleAsync(context, Signal.Logs));
        return group;
    }
}
