using AIOps.Analyzer.Incidents;
using AIOps.Analyzer.RootCause;
using AIOps.Analyzer.Signals;
using AIOps.Collector.Storage.Sqlite;

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

    private static readonly RankedCause[] s_causes =
    [
        new("hotel", 1, "latency", "GET /api/hotels", "hotel-2", [
            new CauseEvidence(CauseEvidenceKind.Latency, "GET /api/hotels", 4.5, 388.25, 61.5, "self time of GET /api/hotels p90 388.3 ms against a median of 4.5 ms", ["0123456789abcdef0123456789abcdef"]),
            new CauseEvidence(CauseEvidenceKind.Change, "restart", 0, 1, 1, "hotel-2 restarted", []),
        ]),
        new("user", 0.25, "metric", null, null, [new CauseEvidence(CauseEvidenceKind.Metric, "cpu", 0.1, 0.9, 15.4, "cpu reached 0.9 against a median of 0.1", [])]),
    ];

    [Fact]
    public void Save_IncidentWithCauses_ReadsThemBackAfterReopening()
    {
        var path = Path.Combine(_directory, "incidents.db");
        var ranked = Sample("a", 1_000_000, IncidentStatus.Open) with { Causes = s_causes, CausesRankedAt = DateTimeOffset.FromUnixTimeMilliseconds(1_030_000) };
        using (var store = new IncidentStore(path))
        {
            store.Save([ranked]);
        }

        using var reopened = new IncidentStore(path);

        var read = reopened.Get("a")!;
        read.Should().BeEquivalentTo(ranked);
        read.Causes[0].Evidence[0].Kind.Should().Be(CauseEvidenceKind.Latency);
        reopened.List(IncidentStatus.Open, 0, long.MaxValue, 10).Single().Causes.Should().BeEquivalentTo(s_causes);
    }

    [Fact]
    public void Get_IncidentStoredBeforeCausesExisted_ReadsWithNoCauses()
    {
        var path = Path.Combine(_directory, "incidents.db");
        using (new IncidentStore(path))
        {
        }

        // A row as the store wrote it before incidents had causes.
        using (var db = SqliteDb.Open(path))
        {
            db.Prepare("INSERT INTO incidents (id, opened_ms, status, doc) VALUES ('old', 1000000, 'Open', ?1)").Bind(1, """
                {"id":"old","status":"open","openedAt":"1970-01-01T00:16:40+00:00","updatedAt":"1970-01-01T00:16:41+00:00","resolvedAt":null,
                 "title":"p95 latency up on hotel","services":["hotel"],"signals":[],"timeline":[]}
                """).Run();
        }

        using var store = new IncidentStore(path);

        var old = store.Get("old")!;
        old.Title.Should().Be("p95 latency up on hotel");
        old.Causes.Should().BeEmpty();
        old.CausesRankedAt.Should().BeNull();
    }

    [Fact]
    public void Incident_JsonWithCauses_NamesEvidenceKindsInLowercase()
    {
        var json = System.Text.Json.JsonSerializer.Serialize(Sample("a", 1_000_000, IncidentStatus.Open) with { Causes = s_causes }, IncidentStore.Json);

        json.Should().Contain("\"causes\":[{\"service\":\"hotel\",\"score\":1,\"indicator\":\"latency\",\"operation\":\"GET /api/hotels\",\"instance\":\"hotel-2\",\"evidence\":[{\"kind\":\"latency\"")
            .And.Contain("\"kind\":\"change\"").And.Contain("\"exampleTraceIds\":[\"0123456789abcdef0123456789abcdef\"]").And.Contain("\"causesRankedAt\":null");
    }
}
