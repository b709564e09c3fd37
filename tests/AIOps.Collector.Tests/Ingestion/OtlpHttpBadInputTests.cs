using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace AIOps.Collector.Tests.Ingestion;

/// <summary>Bad requests get the right status and a reason, and what was stored before stays intact.</summary>
public sealed class OtlpHttpBadInputTests : IAsyncLifetime
{
    private const string Key = "primary-key-1";
    private const string Secondary = "secondary-key-2";
    private CollectorHost _host = null!;
    private string _storedTrace = null!;

    public async Task InitializeAsync()
    {
        _host = await CollectorHost.StartAsync(o =>
        {
            o.PrimaryApiKey = Key;
            o.SecondaryApiKey = Secondary;
            o.MaxBodyBytes = 64 * 1024;
            o.MaxDecompressedBytes = 256 * 1024;
        });
        _storedTrace = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
        using var stored = await PostAsync(ValidTrace(_storedTrace), "application/x-protobuf", Key);
        stored.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task WrongOrMissingKey_Is401_AndBothKeysWork()
    {
        using var missing = await PostAsync(ValidTrace(NewId()), "application/x-protobuf", null);
        using var wrong = await PostAsync(ValidTrace(NewId()), "application/x-protobuf", "nope");
        using var bearer = await PostAsync(ValidTrace(NewId()), "application/x-protobuf", Secondary, bearer: true);

        missing.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        wrong.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        missing.Headers.WwwAuthenticate.ToString().Should().Contain("Bearer");
        bearer.StatusCode.Should().Be(HttpStatusCode.OK);
        await StoreIsIntactAsync();
    }

    [Fact]
    public async Task TruncatedProtobuf_Is400WithAReason()
    {
        var body = ValidTrace(NewId());

        using var response = await PostAsync(body[..(body.Length - 7)], "application/x-protobuf", Key);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).Should().Contain("past the end");
        await StoreIsIntactAsync();
    }

    [Fact]
    public async Task WrongContentType_Is415()
    {
        using var response = await PostAsync(ValidTrace(NewId()), "text/plain", Key);

        response.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        (await response.Content.ReadAsStringAsync()).Should().Contain("Content-Type");
    }

    [Fact]
    public async Task BadJson_Is400NamingTheProblem()
    {
        using var response = await PostAsync(Encoding.UTF8.GetBytes("""{"resourceSpans":[{"scopeSpans":[{"spans":[{"name": }]}]}]}"""), "application/json", Key);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString().Should().Contain("invalid JSON");
        await StoreIsIntactAsync();
    }

    [Fact]
    public async Task GzipBomb_Is413_WithoutExhaustingMemory()
    {
        // 64 MB of zeros compress to about 64 KB: under the body limit, far over the decompressed one.
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var zeros = new byte[1 << 20];
            for (var i = 0; i < 64; i++)
            {
                gzip.Write(zeros);
            }
        }

        compressed.Length.Should().BeLessThan(64 * 1024);
        using var response = await PostAsync(compressed.ToArray(), "application/x-protobuf", Key, gzip: true);

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).Should().Contain("decompressed");
        await StoreIsIntactAsync();
    }

    [Fact]
    public async Task OversizedBody_Is413()
    {
        using var response = await PostAsync(new byte[100 * 1024], "application/x-protobuf", Key);

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        await StoreIsIntactAsync();
    }

    [Fact]
    public async Task NotGzip_WithGzipEncoding_Is400()
    {
        using var response = await PostAsync(ValidTrace(NewId()), "application/x-protobuf", Key, gzip: true);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    private async Task StoreIsIntactAsync()
    {
        using var response = await _host.Http.GetAsync($"api/v1/traces/{_storedTrace}");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetArrayLength().Should().Be(1);
    }

    private async Task<HttpResponseMessage> PostAsync(byte[] body, string contentType, string? key, bool bearer = false, bool gzip = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/traces") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (gzip)
        {
            request.Content.Headers.ContentEncoding.Add("gzip");
        }

        if (key is not null)
        {
            if (bearer)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
            }
            else
            {
                request.Headers.Add("x-api-key", key);
            }
        }

        return await _host.Http.SendAsync(request);
    }

    private static string NewId() => Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());

    /// <summary>Server spans of one trace, hand-encoded: resource_spans { resource { service.name }, scope_spans { spans... } }.</summary>
    internal static byte[] ValidTrace(string traceId, int spans = 1)
    {
        var scope = new List<byte>();
        var start = (ulong)DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000;
        for (var i = 0; i < spans; i++)
        {
            var span = new List<byte>();
            span.AddRange(Field(1, Convert.FromHexString(traceId)));
            span.AddRange(Field(2, BitConverter.GetBytes((ulong)i + 1)));
            span.AddRange(Field(5, "GET /ping"u8.ToArray()));
            span.AddRange([0x30, 0x02]);
            span.Add(0x39);
            span.AddRange(BitConverter.GetBytes(start));
            span.Add(0x41);
            span.AddRange(BitConverter.GetBytes(start + 5_000_000));
            scope.AddRange(Field(2, [.. span]));
        }

        var value = Field(1, "probe"u8.ToArray());
        var keyValue = Field(1, "service.name"u8.ToArray()).Concat(Field(2, value)).ToArray();
        var resource = Field(1, keyValue);
        var resourceSpans = Field(1, resource).Concat(Field(2, [.. scope])).ToArray();
        return Field(1, resourceSpans);
    }

    private static byte[] Field(int number, byte[] payload)
    {
        var bytes = new List<byte> { (byte)((number << 3) | 2) };
        var length = payload.Length;
        while (length >= 0x80)
        {
            bytes.Add((byte)(length | 0x80));
            length >>= 7;
        }

        bytes.Add((byte)length);
        bytes.AddRange(payload);
        return [.. bytes];
    }
}
