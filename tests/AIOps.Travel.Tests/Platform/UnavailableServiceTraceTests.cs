using System.Net;
using AIOps.Testing;

namespace AIOps.Travel.Tests.Platform;

/// <summary>
/// A call to a service with no live instance (all crashed, or evicted while starved) fails in the caller's balancer,
/// before HttpClient: its trace must still say which service was not there, or the failure reads as the caller's own.
/// </summary>
[Collection(TravelProcessesGroup.Name)]
public sealed class UnavailableServiceTraceTests : IAsyncLifetime
{
    private OtlpCapture _otlp = null!;
    private TravelPlatform _platform = null!;

    public async Task InitializeAsync()
    {
        _otlp = await OtlpCapture.StartAsync();
        _platform = await TravelPlatform.StartAsync(_otlp.Endpoint);
        await _platform.StartServiceAsync("gateway", "gateway-1", "--env", "test");
    }

    public async Task DisposeAsync()
    {
        await _platform.DisposeAsync();
        await _otlp.DisposeAsync();
    }

    [Fact]
    public async Task NoLiveInstance_Is503_AndAFailedClientSpanNamesTheServiceNotThere()
    {
        var traceId = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_platform.Gateway, "api/hotels?city=Paris"));
        request.Headers.Add("traceparent", $"00-{traceId}-00f067aa0ba902b7-01");

        using var response = await _platform.Http.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        await Poll.UntilAsync(() => _otlp.Spans.Any(s => s.TraceId == traceId && s.Kind == 3), TimeSpan.FromSeconds(30), "the gateway's client span of the call");
        var spans = _otlp.Spans.Where(s => s.TraceId == traceId).ToList();
        var call = spans.Should().ContainSingle(s => s.Kind == 3, "the registry lookup the call started is the process's own, not the request's").Subject;
        call.Service.Should().Be("gateway");
        call.StatusCode.Should().Be(2, "the call failed");
        call.Attributes.Should().Contain("peer.service", "hotel").And.Contain("error.type", "no_live_instance").And.Contain("http.request.method", "GET");
        spans.Should().NotContain(s => s.ParentSpanId == call.SpanId, "no server was reached");
        await Poll.UntilAsync(() => _otlp.Spans.Any(s => s.TraceId == traceId && s.Kind == 2), TimeSpan.FromSeconds(30), "the gateway's server span");
        var server = _otlp.Spans.Single(s => s.TraceId == traceId && s.Kind == 2);
        call.ParentSpanId.Should().Be(server.SpanId, "the failed call belongs to the request that made it");
        server.Attributes.Should().Contain("http.response.status_code", "503");
    }
}
