using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using AIOps.Collector.Ingestion;
using AIOps.Collector.Prometheus;
using AIOps.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace AIOps.Collector.Tests.Prometheus;

/// <summary>POST /api/v1/write on a real server on loopback, answering as Prometheus expects.</summary>
public sealed class PrometheusEndpointsTests : IAsyncLifetime
{
    private const int MaxBodyBytes = 16 * 1024;
    private readonly RecordingIngest _ingest = new();
    private readonly HttpClient _http = new();
    private WebApplication _app = null!;
    private Uri _write = null!;

    public async Task InitializeAsync()
    {
        _app = await LoopbackApp.StartAsync(
            app => app.MapPrometheusRemoteWrite(),
            services =>
            {
                services.AddPrometheusRemoteWrite();
                services.Configure<RemoteWriteOptions>(o =>
                {
                    o.MaxBodyBytes = MaxBodyBytes;
                    o.MaxDecodedBytes = RemoteWriteOptions.MinimumDecodedBytes;
                    o.RetryAfter = TimeSpan.FromSeconds(7);
                });
                services.AddSingleton<ITelemetryIngest>(_ingest);
            });
        _write = new Uri(new Uri(_app.Urls.First()), PrometheusEndpoints.RemoteWritePath);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
    }

    private static ByteArrayContent Body(byte[] bytes, string contentType = "application/x-protobuf", string? encoding = "snappy")
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (encoding is not null)
        {
            content.Headers.ContentEncoding.Add(encoding);
        }

        return content;
    }

    private async Task<HttpResponseMessage> PostAsync(HttpContent content, string? version = "0.1.0")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _write) { Content = content };
        if (version is not null)
        {
            request.Headers.Add(PrometheusEndpoints.VersionHeader, version);
        }

        return await _http.SendAsync(request);
    }

    private static byte[] ValidBody() => new WriteRequestEncoder().Series("up", [("job", "node")], (1, 1_700_000_000_000)).ToSnappy();

    [Theory]
    [InlineData("0.1.0")]
    [InlineData(null)]
    [InlineData("1.0")]
    public async Task Write_ValidRequest_204AndIngested(string? version)
    {
        using var response = await PostAsync(Body(ValidBody()), version);

        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
        _ingest.Samples.Should().ContainSingle().Which.Series.ToString().Should().Be("up{job=\"node\"}");
    }

    [Fact]
    public async Task Write_ContentTypeWithProtoParameter_Accepted()
    {
        using var response = await PostAsync(Body(ValidBody(), "application/x-protobuf;proto=prometheus.WriteRequest"));

        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Write_MalformedSnappy_400WithReasonAndNothingIngested()
    {
        using var response = await PostAsync(Body([0x05, 0x10, 0x01]));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        problem!.Detail.Should().Contain("malformed snappy");
        _ingest.Batches.Should().BeEmpty();
    }

    [Fact]
    public async Task Write_MalformedProtobuf_400WithReason()
    {
        using var response = await PostAsync(Body(IronSnappy.Snappy.Encode([0x0a, 0x85])));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail.Should().Contain("truncated varint");
    }

    [Fact]
    public async Task Write_SomeSeriesUnnamed_400ButValidSamplesStored()
    {
        var body = new WriteRequestEncoder().Series(null, [("job", "x")], (1, 1)).Series("ok", [], (2, 2)).ToSnappy();

        using var response = await PostAsync(Body(body));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail.Should().Contain("1 samples rejected").And.Contain("__name__");
        _ingest.Samples.Should().ContainSingle().Which.Series.Name.Should().Be("ok");
    }

    [Fact]
    public async Task Write_BodyOverLimit_413()
    {
        var big = new byte[MaxBodyBytes + 1];
        Random.Shared.NextBytes(big);

        using var response = await PostAsync(Body(big));

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        _ingest.Batches.Should().BeEmpty();
    }

    [Fact]
    public async Task Write_DecompressesOverLimit_413()
    {
        var bomb = IronSnappy.Snappy.Encode(new byte[RemoteWriteOptions.MinimumDecodedBytes * 2]);
        bomb.Length.Should().BeLessThan(MaxBodyBytes, "the point is a small body that decompresses big");

        using var response = await PostAsync(Body(bomb));

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        (await response.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail.Should().Contain("decompresses to");
    }

    [Theory]
    [InlineData("application/json", "snappy", null, "Content-Type")]
    [InlineData("application/x-protobuf", null, null, "Content-Encoding")]
    [InlineData("application/x-protobuf", "gzip", null, "Content-Encoding")]
    [InlineData("application/x-protobuf;proto=io.prometheus.write.v2.Request", "snappy", "2.0.0", "remote-write 1.0")]
    [InlineData("application/x-protobuf", "snappy", "2.0.0", "not supported")]
    public async Task Write_UnsupportedFormat_415WithReason(string contentType, string? encoding, string? version, string reason)
    {
        using var response = await PostAsync(Body(ValidBody(), contentType, encoding), version ?? "0.1.0");

        response.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        (await response.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail.Should().Contain(reason);
        _ingest.Batches.Should().BeEmpty();
    }

    [Fact]
    public async Task Start_InvalidLimits_FailsNamingTheSetting()
    {
        var start = () => LoopbackApp.StartAsync(
            app => app.MapPrometheusRemoteWrite(),
            services => services.AddPrometheusRemoteWrite().AddSingleton<ITelemetryIngest>(_ingest).Configure<RemoteWriteOptions>(o => o.MaxBodyBytes = 10));

        (await start.Should().ThrowAsync<Microsoft.Extensions.Options.OptionsValidationException>()).WithMessage("*MaxBodyBytes*");
    }

    [Fact]
    public async Task Write_QueueFull_503WithRetryAfter()
    {
        _ingest.Overloaded = true;

        using var response = await PostAsync(Body(ValidBody()));

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(7));
    }
}
