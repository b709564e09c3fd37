using AIOps.Collector.Model;

namespace AIOps.Collector.Otlp.Grpc;

internal static partial class OtlpGrpcLog
{
    [LoggerMessage(1100, LogLevel.Debug, "OTLP/gRPC {Signal} export: {Accepted} accepted, {Rejected} rejected")]
    public static partial void Exported(ILogger logger, Signal signal, long accepted, long rejected);

    [LoggerMessage(1101, LogLevel.Information, "OTLP/gRPC {Signal} export answered {Status}: {Reason}")]
    public static partial void Failed(ILogger logger, Signal signal, GrpcStatusCode status, string? reason);

    [LoggerMessage(1102, LogLevel.Warning, "OTLP/gRPC {Signal} export refused, the client will retry: {Reason}")]
    public static partial void Overloaded(ILogger logger, Signal signal, string? reason);

    [LoggerMessage(1103, LogLevel.Error, "OTLP/gRPC {Signal} export failed")]
    public static partial void Crashed(ILogger logger, Signal signal, Exception exception);

    [LoggerMessage(1104, LogLevel.Information, "Refused a non-gRPC request to {Path} with HTTP {HttpStatus}: {Reason}")]
    public static partial void NotGrpc(ILogger logger, string path, int httpStatus, string reason);

    [LoggerMessage(1105, LogLevel.Debug, "Ignored an invalid grpc-timeout header '{Value}'")]
    public static partial void InvalidTimeout(ILogger logger, string value);
}
