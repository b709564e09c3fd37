using System.Buffers;
using System.IO.Compression;

namespace AIOps.Collector.Ingestion;

/// <summary>
/// Reads a request body into memory with hard limits: the body as sent (413 beyond it) and, when it is
/// gzip-compressed, the decompressed size too, so that a small gzip bomb cannot exhaust memory.
/// </summary>
public static class BodyReader
{
    /// <summary>Reads at most <paramref name="maxBytes"/> from <paramref name="body"/>; null when the body is longer.</summary>
    public static async Task<byte[]?> ReadAsync(Stream body, long? declaredLength, int maxBytes, CancellationToken cancellationToken)
    {
        if (declaredLength > maxBytes)
        {
            return null;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(declaredLength is > 0 and var length ? (int)length + 1 : 64 * 1024);
        try
        {
            var total = 0;
            while (true)
            {
                if (total == buffer.Length)
                {
                    if (buffer.Length > maxBytes)
                    {
                        return null;
                    }

                    var bigger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, maxBytes + 1));
                    buffer.AsSpan(0, total).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }

                var read = await body.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                total += read;
                if (total > maxBytes)
                {
                    return null;
                }
            }

            return buffer.AsSpan(0, total).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Gunzips <paramref name="compressed"/>; null when the result would exceed <paramref name="maxBytes"/>.</summary>
    /// <exception cref="InvalidDataException">The data is not valid gzip.</exception>
    public static byte[]? Gunzip(ReadOnlySpan<byte> compressed, int maxBytes)
    {
        using var input = new MemoryStream(compressed.ToArray(), writable: false);
        using var gzip = new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            int read;
            while ((read = gzip.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (output.Length + read > maxBytes)
                {
                    return null;
                }

                output.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return output.ToArray();
    }
}
