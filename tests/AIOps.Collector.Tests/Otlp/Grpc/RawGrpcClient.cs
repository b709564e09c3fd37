using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;

namespace AIOps.Collector.Tests.Otlp.Grpc;

/// <summary>gRPC by hand over HttpClient (h2c with prior knowledge), to send what a well-behaved SDK never would.</summary>
public sealed class RawGrpcClient : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler());

    public async Task<GrpcReply> SendAsync(
        Uri endpoint, string path, byte[] body, string contentType = "application/grpc", string? encoding = null, string? timeout = null, Version? version = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(endpoint, path))
        {
            Version = version ?? HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.TryAddWithoutValidation("te", "trailers");
        if (encoding is not null)
        {
            request.Headers.TryAddWithoutValidation("grpc-encoding", encoding);
        }

        if (timeout is not null)
        {
            request.Headers.TryAddWithoutValidation("grpc-timeout", timeout);
        }

        using var response = await _http.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var status = Single(response.TrailingHeaders, "grpc-status");
        return new GrpcReply(
            response.StatusCode,
            status is null ? null : int.Parse(status, NumberStyles.None, CultureInfo.InvariantCulture),
            Single(response.TrailingHeaders, "grpc-message") is { } message ? Uri.UnescapeDataString(message) : null,
            Single(response.Headers, "grpc-accept-encoding"),
            bytes);
    }

    /// <summary>A Length-Prefixed-Message: the Compressed-Flag, the big-endian length, the message.</summary>
    public static byte[] Frame(byte[] message, bool compressed = false, int? declaredLength = null)
    {
        var length = declaredLength ?? message.Length;
        return [compressed ? (byte)1 : (byte)0, (byte)(length >> 24), (byte)(length >> 16), (byte)(length >> 8), (byte)length, .. message];
    }

    public static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    public void Dispose() => _http.Dispose();

    private static string? Single(HttpHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.Single() : null;
}
