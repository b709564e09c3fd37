using AIOps.Analyzer.Incidents;
using AIOps.Analyzer.Signals;

namespace AIOps.Analyzer.Tests.Incidents;

public sealed class IncidentStoreTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("aiops-incidents-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static Incident Sample(string id, long openedMs, IncidentStatus status)
    {
        var signal = new Signal { Key = new IndicatorKey("hotel", "GET /api/hotels", Indicator.LatencyP95), StartedMs = openedMs, Baseline = 31.5, Peak = 412, Last = 390, Score = 0.97, Driver = "Value" };
        return new Incident
        {
            Id = id,
            Status = status,
            OpenedAt = DateTimeOffset.FromUnixTimeMilliseconds(openedMs),
            UpdatedAt = DateTimeOffset.FromUnixTimeMilliseconds(openedMs + 1000),
            Title = SignalText.Describe(signal),
            Services = ["hotel"],
            Signals = [IncidentSignal.From(signal)],
            Timeline = [new IncidentEvent(DateTimeOffset.FromUnixTimeMilliseconds(openedMs), "opened", "p95 latency up")],
        };
    }

    [Fact]
    public void Save_ThenReopen_ReturnsTheSameIncidents()
    {
        var path = Path.Combine(_directory, "incidents.db");
        var open = Sample("a", 1_000_000, IncidentStatus.Open);
        var resolved = Sample("b", 2_000_000, IncidentStatus.Resolved) with { ResolvedAt = DateTimeOffset.FromUnixTimeMilliseconds(2_100_000) };
        using (var store = new IncidentStore(path))
        {
            store.Save([open, resolved]);
        }

        using var reopened = new IncidentStore(path);

        reopened.Get("a").Should().BeEquivalentTo(open);
        reopened.List(null, 0, long.MaxValue, 10).Select(i => i.Id).Should().Equal("b", "a");
        reopened.List(IncidentStatus.Open, 0, long.MaxValue, 10).Should().ContainSingle().Which.Id.Should().Be("a");
        reopened.List(null, 1_500_000, long.MaxValue, 10).Should().ContainSingle().Which.Id.Should().Be("b");
        reopened.Get("missing").Should().BeNull();
    }

    [Fact]
    public void Save_ChangedIncident_ReplacesIt()
    {
        using var store = new IncidentStore(Path.Combine(_directory, "incidents.db"));
        var incident = Sample("a", 1_000_000, IncidentStatus.Open);
        store.Save([incident]);

        store.Save([incident with { Status = IncidentStatus.Resolved }]);

        store.List(null, 0, long.MaxValue, 10).Should().ContainSingle().Which.Status.Should().Be(IncidentStatus.Resolved);
    }

    [Fact]
    public void Incident_Json_UsesCamelCaseAndNamedEnums()
    {
        var json = System.Text.Json.JsonSerializer.Serialize(Sample("a", 1_000_000, IncidentStatus.Open), IncidentStore.Json);

        json.Should().Contain("\"status\":\"open\"").And.Contain("\"indicator\":\"latencyP95\"").And.Contain("\"openedAt\":");
    }
}
