using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.IO.Pipelines;

namespace AIOps.Collector.Otlp.Grpc;

/// <summary>
/// Reads the single Length-Prefixed-Message of a unary call: a Compressed-Flag byte, a 4-byte big-endian
/// length, the message, then the end of the stream. The message is copied out as it arrives so that
/// HTTP/2 flow control keeps the client sending (Kestrel opens the window only for consumed bytes).
/// </summary>
internal static class GrpcFrameReader
{
    public const int HeaderLength = 5;

    public static async ValueTask<(GrpcFrame? Frame, GrpcStatus Error)> ReadAsync(PipeReader body, int maxBytes, CancellationToken cancellationToken)
    {
        var result = await body.ReadAtLeastAsync(HeaderLength, cancellationToken).ConfigureAwait(false);
        var buffer = result.Buffer;
        if (buffer.Length < HeaderLength)
        {
            body.AdvanceTo(buffer.End);
            return Fail(GrpcStatusCode.InvalidArgument, string.Create(CultureInfo.InvariantCulture, $"truncated gRPC frame: {buffer.Length} of the {HeaderLength} header bytes"));
        }

        var (flag, length) = ReadHeader(buffer.Slice(0, HeaderLength));
        if (flag > 1)
        {
            body.AdvanceTo(buffer.Start);
            return Fail(GrpcStatusCode.Internal, string.Create(CultureInfo.InvariantCulture, $"invalid Compressed-Flag {flag}"));
        }

        if (length > (uint)maxBytes)
        {
            body.AdvanceTo(buffer.Start);
            return Fail(GrpcStatusCode.ResourceExhausted, string.Create(CultureInfo.InvariantCulture, $"the message is {length} bytes, more than the limit of {maxBytes}"));
        }

        var frame = new GrpcFrame(flag == 1, (int)length);
        try
        {
            var filled = 0;
            var unread = buffer.Slice(HeaderLength);
            while (true)
            {
                var chunk = unread.Slice(0, Math.Min(unread.Length, frame.Length - filled));
                chunk.CopyTo(frame.Writable[filled..]);
                filled += (int)chunk.Length;
                var extra = unread.Length - chunk.Length;
                body.AdvanceTo(chunk.End, buffer.End);
                if (extra > 0)
                {
                    frame.Dispose();
                    return Fail(GrpcStatusCode.Internal, "more than one message in a unary call");
                }

                if (result.IsCompleted)
                {
                    break;
                }

                result = await body.ReadAsync(cancellationToken).ConfigureAwait(false);
                buffer = result.Buffer;
                unread = buffer;
            }

            if (filled < frame.Length)
            {
                frame.Dispose();
                return Fail(GrpcStatusCode.InvalidArgument, string.Create(CultureInfo.InvariantCulture, $"truncated gRPC frame: {filled} of the {length} message bytes"));
            }

            return (frame, GrpcStatus.Ok);
        }
        catch
        {
            frame.Dispose();
            throw;
        }
    }

    private static (byte Flag, uint Length) ReadHeader(ReadOnlySequence<byte> header)
    {
        Span<byte> bytes = stackalloc byte[HeaderLength];
        header.CopyTo(bytes);
        return (bytes[0], BinaryPrimitives.ReadUInt32BigEndian(bytes[1..]));
    }

    private static (GrpcFrame?, GrpcStatus) Fail(GrpcStatusCode code, string message) => (null, new GrpcStatus(code, message));
}
