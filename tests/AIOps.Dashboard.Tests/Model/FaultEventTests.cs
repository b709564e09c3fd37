using AIOps.Collector.Query;
using AIOps.Dashboard.Model;

namespace AIOps.Dashboard.Tests.Model;

public sealed class FaultEventTests
{
    [Theory]
    [InlineData("POST /admin/faults/", true)]
    [InlineData("DELETE /admin/faults/{id}", true)]
    [InlineData("chaos fault.expired", true)]
    [InlineData("GET /hotels", false)]
    public void Announces_Operation_OnlyTheFaultApiAndTheChaosSpans(string operation, bool expected) =>
        FaultEvent.Announces(operation).Should().Be(expected);

    [Fact]
    public void Read_SpansOfSeveralServices_TheServicesFaultEventsOldestFirstOnce()
    {
        var spans = new[]
        {
            Span("hotel", "hotel-1", Event("2000000000000000000", "fault.expired", "f-1", 0.5), Event("1000000000000000000", "fault.injected", "f-1", 0.5), new SpanEventView("1500000000000000000", "exception", new Dictionary<string, object?>())),
            Span("hotel", "hotel-1", Event("1000000000000000000", "fault.injected", "f-1", 0.5)),
            Span("flight", "flight-1", Event("1000000000000000000", "fault.injected", "f-2", 1.0)),
        };

        var faults = FaultEvent.Read(spans, "hotel");

        faults.Select(f => f.What).Should().Equal("injected", "expired");
        faults[0].Should().Be(new FaultEvent(DateTimeOffset.FromUnixTimeSeconds(1_000_000_000), "injected", "f-1", "latency", 0.5, null, "hotel-2"));
        faults[0].Describe().Should().Be("latency 0.5 on hotel-2 (f-1)");
    }

    private static SpanView Span(string service, string instance, params SpanEventView[] events) =>
        new("t", "s", null, "POST /admin/faults/", "server", "0", "0", 1, "unset", null, service, instance, new Dictionary<string, object?>(), events, [], new Dictionary<string, object?>(), "");

    private static SpanEventView Event(string nanos, string name, string id, double intensity) => new(nanos, name, new Dictionary<string, object?>
    {
        ["fault.id"] = id,
        ["fault.kind"] = "latency",
        ["fault.intensity"] = intensity,
        ["service.instance.id"] = "hotel-2",
    });
}
