using System.Text.Json;
using AIOps.Dashboard.Chaos;

namespace AIOps.Dashboard.Tests.Chaos;

public sealed class ChaosIncidentTests
{
    // An incident as GET /api/v1/incidents serves it, with the ranked causes the root-cause analysis adds.
    private const string WithCauses = """
        {
          "id": "inc-20261102-0001", "status": "open", "openedAt": "2026-11-02T08:00:40+00:00", "updatedAt": "2026-11-02T08:01:00+00:00",
          "resolvedAt": null, "title": "p95 latency up on gateway: 412 ms against 35 ms", "services": ["gateway", "hotel"],
          "signals": [{ "service": "gateway", "operation": null, "indicator": "latencyP95", "startedAt": "2026-11-02T08:00:10+00:00" }],
          "timeline": [{ "at": "2026-11-02T08:00:40+00:00", "kind": "opened", "text": "opened" }],
          "causes": [
            { "service": "hotel", "score": 1.0, "indicator": "latency", "operation": "GET /hotels", "instance": null,
              "evidence": [{ "kind": "latency", "subject": "GET /hotels", "baseline": 12, "incident": 310, "score": 40.2, "detail": "self time", "exampleTraceIds": ["ab"] }] },
            { "service": "hotel", "score": 0.7, "indicator": "cpu", "operation": null, "instance": "hotel-2", "evidence": [] },
            { "service": "gateway", "score": 0.2, "indicator": "latency", "operation": null, "instance": null, "evidence": [] },
            { "service": "promotion", "score": 0.1, "indicator": "latency", "operation": null, "instance": null, "evidence": [] }
          ]
        }
        """;

    [Fact]
    public void FromJson_Incident_ReadsItsTimesServicesAndCauses()
    {
        var incident = Parse(WithCauses);

        incident.Id.Should().Be("inc-20261102-0001");
        incident.OpenedAt.Should().Be(new DateTimeOffset(2026, 11, 2, 8, 0, 40, TimeSpan.Zero));
        incident.Title.Should().StartWith("p95 latency up on gateway");
        incident.Services.Should().Equal("gateway", "hotel");
        incident.Causes.Should().Equal("hotel", "hotel", "gateway", "promotion");
    }

    [Theory]
    [InlineData("hotel", 1)]
    [InlineData("gateway", 2)]
    [InlineData("promotion", 3)]
    [InlineData("payment", 0)]
    public void RankOf_CountsEachServiceOnce_ZeroWhenNotNamed(string service, int rank)
    {
        Parse(WithCauses).RankOf(service).Should().Be(rank);
    }

    [Theory]
    [InlineData("")]
    [InlineData(""", "causes": [] """)]
    [InlineData(""", "causes": null """)]
    [InlineData(""", "causes": [{ "score": 1 }] """)]
    public void FromJson_NoCauses_RanksNothing(string causes)
    {
        var incident = Parse($$"""{ "id": "i1", "openedAt": "2026-11-02T08:00:40Z", "title": "t", "services": ["hotel"] {{causes}} }""");

        incident.Causes.Should().BeEmpty();
        incident.RankOf("hotel").Should().Be(0);
    }

    private static ChaosIncident Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return ChaosIncident.FromJson(document.RootElement);
    }
}
