using System.Net;

namespace AIOps.Collector.Tests.Otlp.Grpc;

/// <summary>What a raw gRPC call got back: the HTTP status, the gRPC status from the trailers, and the body.</summary>
public sealed record GrpcReply(HttpStatusCode HttpStatus, int? Status, string? Message, string? AcceptEncoding, byte[] Body)
{
    /// <summary>The response message of the single length-prefixed frame, or null when there is none.</summary>
    public byte[]? ResponseMessage => Body.Length >= 5 ? Body[5..] : null;
}
