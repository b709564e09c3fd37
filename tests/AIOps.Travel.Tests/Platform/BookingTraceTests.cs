using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AIOps.Testing;

namespace AIOps.Travel.Tests.Platform;

/// <summary>The whole platform as separate processes exporting OTLP to a test receiver.</summary>
[Collection(TravelProcessesGroup.Name)]
public sealed class BookingTraceTests : IAsyncLifetime
{
    private static readonly string[] s_services = ["gateway", "user", "hotel", "flight", "order", "payment", "promotion", "notification"];
    private OtlpCapture _otlp = null!;
    private TravelPlatform _platform = null!;

    public async Task InitializeAsync()
    {
        _otlp = await OtlpCapture.StartAsync();
        _platform = await TravelPlatform.StartAsync(_otlp.Endpoint);
        await Task.WhenAll(s_services.Select(s => _platform.StartServiceAsync(s, s + "-1", "--env", "test")));
    }

    public async Task DisposeAsync()
    {
        await _platform.DisposeAsync();
        await _otlp.DisposeAsync();
    }

    [Fact]
    public async Task Booking_ThroughTheGateway_IsConfirmedAndItsTraceCrossesTheServicesAndTheQueue()
    {
        var traceId = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_platform.Gateway, "api/bookings"))
        {
            Content = JsonContent.Create(new { userId = "u42", type = "hotel", itemId = "H-PAR-3", date = "2026-12-24", nights = 2, quantity = 1, promoCode = "FLASH", cardNumber = "4111111111111111" }),
        };
        request.Headers.Add("traceparent", $"00-{traceId}-00f067aa0ba902b7-01");

        using var response = await _platform.Http.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var booking = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        booking.GetProperty("status").GetString().Should().Be("confirmed");
        var bookingId = booking.GetProperty("bookingId").GetString()!;
        (await _platform.Http.GetFromJsonAsync<JsonElement>(new Uri(_platform.Gateway, $"api/bookings/{bookingId}"))).GetProperty("status").GetString().Should().Be("confirmed");

        string[] expected = ["gateway", "order", "user", "promotion", "hotel", "payment", "notification"];
        // Spans arrive in export batches: children can come before their parents.
        await Poll.UntilAsync(
            () => expected.All(s => Trace(traceId).Any(span => span.Service == s)) && Orphans(Trace(traceId)).Count == 1,
            TimeSpan.FromSeconds(30),
            "spans of every service on the booking path, each with its parent");
        var spans = Trace(traceId);
        spans.Select(s => s.Service).Distinct().Should().HaveCountGreaterThanOrEqualTo(5);

        // Every span's parent is in the trace (context crossed every hop), except the gateway's server
        // span, whose parent is the caller's traceparent.
        var root = Orphans(spans).Should().ContainSingle().Subject;
        root.Service.Should().Be("gateway");
        root.ParentSpanId.Should().Be("00f067aa0ba902b7");
        root.Name.Should().Be("POST /api/bookings");
        root.Attributes.Should().Contain("http.route", "/api/bookings").And.Contain("http.response.status_code", "201");
        spans.Should().Contain(s => s.Service == "payment" && s.Name == "POST /payments" && s.Kind == 2);
        spans.Should().Contain(s => s.Service == "order" && s.Kind == 3 && s.Attributes.ContainsKey("server.address"), "HttpClient's client spans");

        // Each client span names the logical service it called (the address is only an instance's), which is the
        // service of the server span below it.
        var calls = spans.Where(s => s.Kind == 3 && s.Attributes.ContainsKey("server.address")).ToList();
        calls.Should().NotBeEmpty().And.OnlyContain(s => s.Attributes.ContainsKey("peer.service"));
        var answered = calls.Select(c => (Call: c, Servers: spans.Where(s => s.ParentSpanId == c.SpanId).ToList())).Where(c => c.Servers.Count > 0).ToList();
        answered.Should().NotBeEmpty();
        answered.Should().OnlyContain(c => c.Servers.All(server => server.Service == c.Call.Attributes["peer.service"]));

        spans.Should().Contain(s => s.Service == "order" && s.Kind == 3 && s.Attributes.GetValueOrDefault("peer.service") == "payment");

        // Through the queue: the notification consumer span is the child of the order's producer span.
        var consumer = spans.Single(s => s.Service == "notification" && s.Kind == 5);
        var producer = spans.Single(s => s.SpanId == consumer.ParentSpanId);
        producer.Service.Should().Be("order");
        producer.Kind.Should().Be(4);

        await Poll.UntilAsync(() => _otlp.Logs.Any(l => l.TraceId == traceId && l.Service == "order" && l.Body.Contains("Booking", StringComparison.Ordinal)), TimeSpan.FromSeconds(20), "the order's log record in the booking trace");
        await Poll.UntilAsync(() => _otlp.Logs.Any(l => l.TraceId == traceId && l.Service == "notification"), TimeSpan.FromSeconds(20), "the notification's log record in the booking trace");
    }

    [Fact]
    public async Task Telemetry_EveryService_ExportsResourceAttributesAndFrameworkRuntimeAndBusinessMetrics()
    {
        using var response = await _platform.Http.PostAsJsonAsync(new Uri(_platform.Gateway, "api/bookings"),
            new { userId = "u7", type = "flight", itemId = "F-CDGJFK-20261224-1", date = "2026-12-24", quantity = 1, cardNumber = "4000000000000002" });
        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var bookingId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("bookingId").GetString();
        (await _platform.Http.GetAsync(new Uri(_platform.Gateway, "api/hotels?city=Rome"))).EnsureSuccessStatusCode();
        await Poll.UntilAsync(
            async () => (await _platform.Http.GetFromJsonAsync<JsonElement>(new Uri(_platform.Gateway, $"api/bookings/{bookingId}/notifications"))).GetArrayLength() == 1,
            TimeSpan.FromSeconds(20),
            "the declined-payment notification");

        string[] everywhere = ["http.server.request.duration", "dotnet.process.cpu.time", "dotnet.process.memory.working_set", "dotnet.gc.collections", "dotnet.thread_pool.thread.count"];
        try
        {
            await Poll.UntilAsync(() => s_services.All(s => everywhere.All(m => _otlp.Metrics.Contains((s, m)))), TimeSpan.FromSeconds(30), "framework and runtime metrics from every service");
        }
        catch (TimeoutException)
        {
            var missing = s_services.SelectMany(s => everywhere.Where(m => !_otlp.Metrics.Contains((s, m))).Select(m => $"{s}:{m}"));
            throw new TimeoutException("missing metrics: " + string.Join(", ", missing) + "; seen: " + string.Join(", ", _otlp.Metrics.Where(m => m.Service == "gateway").Select(m => m.Metric)));
        }
        await Poll.UntilAsync(
            () => _otlp.Metrics.Contains(("gateway", "http.client.request.duration"))
                && _otlp.Metrics.Contains(("order", "travel.bookings"))
                && _otlp.Metrics.Contains(("payment", "travel.payment.failures"))
                && _otlp.Metrics.Contains(("flight", "travel.inventory.holds"))
                && _otlp.Metrics.Contains(("notification", "travel.queue.depth")),
            TimeSpan.FromSeconds(30),
            "business metrics");

        foreach (var service in s_services)
        {
            var resource = _otlp.Resources[service + "-1"];
            resource["service.name"].Should().Be(service);
            resource["service.instance.id"].Should().Be(service + "-1");
            resource["service.version"].Should().NotBeNullOrEmpty();
            resource["deployment.environment"].Should().Be("test");
        }
    }

    private static List<CapturedSpan> Orphans(List<CapturedSpan> spans)
    {
        var ids = spans.Select(s => s.SpanId).ToHashSet();
        return [.. spans.Where(s => !ids.Contains(s.ParentSpanId))];
    }

    private List<CapturedSpan> Trace(string traceId) => [.. _otlp.Spans.Where(s => s.TraceId == traceId)];
}
