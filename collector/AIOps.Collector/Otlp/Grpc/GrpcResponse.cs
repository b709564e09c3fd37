using System.Buffers.Binary;
using System.Globalization;

namespace AIOps.Collector.Otlp.Grpc;

/// <summary>
/// Writes gRPC responses: HTTP 200, application/grpc, at most one Length-Prefixed-Message, and the
/// status as trailers. Errors too carry their status in trailers after the headers (rather than in a
/// Trailers-Only response), which every gRPC client accepts.
/// </summary>
internal static class GrpcResponse
{
    public const string ContentType = "application/grpc";
    public const string AcceptEncoding = "identity,gzip";

    public static async Task WriteAsync(HttpResponse response, GrpcStatus status, byte[]? message, CancellationToken cancellationToken)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ContentType;
        response.Headers["grpc-accept-encoding"] = AcceptEncoding;
        if (message is null)
        {
            await response.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            WriteFrame(response, message);
            await response.BodyWriter.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        response.AppendTrailer("grpc-status", ((int)status.Code).ToString(CultureInfo.InvariantCulture));
        if (!string.IsNullOrEmpty(status.Message))
        {
            response.AppendTrailer("grpc-message", GrpcStatusMessage.Encode(status.Message));
        }
    }

    /// <summary>A plain HTTP error, for requests that are not gRPC at all (wrong protocol or content-type).</summary>
    public static async Task RejectAsync(HttpResponse response, int httpStatus, string reason, CancellationToken cancellationToken)
    {
        response.StatusCode = httpStatus;
        response.ContentType = "text/plain; charset=utf-8";
        await response.WriteAsync(reason, cancellationToken).ConfigureAwait(false);
    }

    private static void WriteFrame(HttpResponse response, byte[] message)
    {
        var length = GrpcFrameReader.HeaderLength + message.Length;
        var span = response.BodyWriter.GetSpan(length);
        span[0] = 0;
        BinaryPrimitives.WriteUInt32BigEndian(span[1..], (uint)message.Length);
        message.CopyTo(span[GrpcFrameReader.HeaderLength..]);
        response.BodyWriter.Advance(length);
    }
}
