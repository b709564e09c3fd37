using System.Buffers;

namespace AIOps.Collector.Otlp.Grpc;

/// <summary>The one message of a unary gRPC request, in a pooled buffer that <see cref="Dispose"/> returns.</summary>
internal sealed class GrpcFrame : IDisposable
{
    private byte[]? _buffer;

    public GrpcFrame(bool compressed, int length)
    {
        Compressed = compressed;
        Length = length;
        _buffer = ArrayPool<byte>.Shared.Rent(length);
    }

    /// <summary>The Compressed-Flag: the message is in the request's grpc-encoding.</summary>
    public bool Compressed { get; }

    public int Length { get; }

    public ReadOnlyMemory<byte> Message => Buffer.AsMemory(0, Length);

    internal Span<byte> Writable => Buffer.AsSpan(0, Length);

    private byte[] Buffer => _buffer ?? throw new ObjectDisposedException(nameof(GrpcFrame));

    public void Dispose()
    {
        if (_buffer is { } buffer)
        {
            _buffer = null;
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
