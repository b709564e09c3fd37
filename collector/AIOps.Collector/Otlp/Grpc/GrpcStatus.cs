namespace AIOps.Collector.Otlp.Grpc;

/// <summary>How a call ended: the code and, for errors, a message for the client.</summary>
internal readonly record struct GrpcStatus(GrpcStatusCode Code, string? Message)
{
    public static GrpcStatus Ok => default;

    public bool IsOk => Code == GrpcStatusCode.Ok;
}
