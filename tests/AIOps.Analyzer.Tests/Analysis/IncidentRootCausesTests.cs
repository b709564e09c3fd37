using AIOps.Analyzer.Incidents;
using AIOps.Analyzer.RootCause;

namespace AIOps.Analyzer.Tests.Analysis;

public sealed class IncidentRootCausesTests : IDisposable
{
    private readonly LiveTelemetry _live = new();

    public void Dispose() => _live.Dispose();

    // Twelve minutes of bookings; the hotel's own work goes from 5 ms to 200 ms two minutes ago, and an incident
    // opened on it 30 s later.
    private async Task<(Incident Incident, long SignalStartMs)> SlowHotelAsync()
    {
        var now = _live.NowMs;
        var signalStart = now - 120_000;
        await _live.BookingsAsync(now - 720_000, now, t => t < signalStart ? 5 : 200);
        return (_live.OpenIncident("slow-hotel", signalStart, signalStart + 30_000), signalStart);
    }

    [Fact]
    public async Task RankDue_NewOpenIncident_AttachesCausesThatBlameTheSlowService()
    {
        var (incident, signalStart) = await SlowHotelAsync();
        var rootCauses = _live.RootCauses(_live.Engine());

        var ranked = rootCauses.RankDue();

        ranked.Should().ContainSingle().Which.Id.Should().Be(incident.Id);
        var stored = _live.Incidents.Get(incident.Id)!;
        stored.CausesRankedAt.Should().Be(_live.Time.GetUtcNow());
        stored.UpdatedAt.Should().Be(incident.UpdatedAt, "ranking is not activity of the incident");
        var top = stored.Causes.Should().NotBeEmpty().And.Subject.First();
        top.Service.Should().Be("hotel");
        top.Score.Should().Be(1);
        var latency = top.Evidence.Should().Contain(e => e.Kind == CauseEvidenceKind.Latency && e.Subject == "GET /hotels").Subject;
        latency.Baseline.Should().BeApproximately(5, 1);
        latency.Incident.Should().BeApproximately(200, 5);
        latency.ExampleTraceIds.Should().NotBeEmpty().And.OnlyContain(id => id.Length == 32);
        foreach (var traceId in latency.ExampleTraceIds)
        {
            Collector.Model.TraceId.TryParse(traceId, out var parsed).Should().BeTrue();
            _live.Store.GetTrace(parsed).Should().OnlyContain(s => s.StartUnixNano >= signalStart * 1_000_000, "examples come from the incident window");
        }

        stored.Causes.Where(c => c.Service == "frontend").Should().OnlyContain(c => c.Score < top.Score, "the frontend only waits for the hotel");
    }

    [Fact]
    public async Task RankDue_SignalsOver_RanksTheAnomalyNotTheNormalTrafficAfterIt()
    {
        // A 30 s slowdown of the hotel six minutes ago, its signal over a minute after it began: what came after is
        // normal, and read to now it would be under a tenth of the spans, below any p90.
        var now = _live.NowMs;
        var signalStart = now - 360_000;
        await _live.BookingsAsync(now - 960_000, now, t => t >= signalStart && t < signalStart + 30_000 ? 200 : 5);
        var incident = _live.OpenIncident("short-slowdown", signalStart, signalStart + 30_000, signalEndMs: signalStart + 60_000);

        _live.RootCauses(_live.Engine()).RankDue();

        var top = _live.Incidents.Get(incident.Id)!.Causes.Should().NotBeEmpty().And.Subject.First();
        top.Service.Should().Be("hotel");
        top.Evidence.Should().Contain(e => e.Kind == CauseEvidenceKind.Latency && e.Subject == "GET /hotels" && e.Incident > 150);
    }

    [Fact]
    public async Task RankDue_OverTime_RanksAgainEveryIntervalForTheFirstTenMinutesOnly()
    {
        var (incident, _) = await SlowHotelAsync();
        var rootCauses = _live.RootCauses(_live.Engine());
        var first = _live.Time.GetUtcNow();

        rootCauses.RankDue().Should().ContainSingle();
        _live.Time.Advance(TimeSpan.FromSeconds(25));
        rootCauses.RankDue().Should().BeEmpty("30 s have not passed");
        _live.Incidents.Get(incident.Id)!.CausesRankedAt.Should().Be(first);
        _live.Time.Advance(TimeSpan.FromSeconds(5));
        rootCauses.RankDue().Should().ContainSingle();
        _live.Incidents.Get(incident.Id)!.CausesRankedAt.Should().Be(first.AddSeconds(30));

        var rankings = new List<DateTimeOffset> { first, first.AddSeconds(30) };
        for (var step = 0; step < 200; step++)
        {
            _live.Time.Advance(TimeSpan.FromSeconds(5));
            if (rootCauses.RankDue().Count > 0)
            {
                rankings.Add(_live.Time.GetUtcNow());
            }
        }

        // Opened 90 s before the first ranking: rankings at 90 s, 120 s, ... up to 600 s of age, and none after.
        rankings.Should().HaveCount(18);
        rankings.Zip(rankings.Skip(1), (a, b) => b - a).Should().OnlyContain(gap => gap == TimeSpan.FromSeconds(30));
        (rankings[^1] - incident.OpenedAt).Should().Be(TimeSpan.FromMinutes(10));
        _live.Incidents.Get(incident.Id)!.Causes.Should().NotBeEmpty().And.Subject.First().Service.Should().Be("hotel");
    }

    [Fact]
    public async Task RankDue_ThenTheAnalysisResolvesTheIncident_KeepsTheCausesAndRanksItNoMore()
    {
        var (incident, _) = await SlowHotelAsync();
        var engine = _live.Engine();
        var rootCauses = _live.RootCauses(engine);
        rootCauses.RankDue();
        var causes = _live.Incidents.Get(incident.Id)!.Causes;

        // The resumed incident's signals count as over; three minutes on, the analysis resolves it and saves it.
        _live.Time.Advance(TimeSpan.FromMinutes(3));
        engine.RunOnce();

        var stored = _live.Incidents.Get(incident.Id)!;
        stored.Status.Should().Be(IncidentStatus.Resolved);
        stored.Causes.Should().BeEquivalentTo(causes);
        rootCauses.RankDue().Should().NotContain(i => i.Id == incident.Id);
    }

    [Fact]
    public async Task AttachCauses_ResolvedIncident_UpdatesTheStoredRecord()
    {
        var (incident, _) = await SlowHotelAsync();
        _live.Incidents.Save([incident with { Status = IncidentStatus.Resolved, ResolvedAt = _live.Time.GetUtcNow() }]);
        var engine = _live.Engine();
        RankedCause[] causes = [new("hotel", 1, "latency", "GET /hotels", null, [])];

        var saved = engine.AttachCauses(incident.Id, causes, _live.Time.GetUtcNow());

        saved!.Status.Should().Be(IncidentStatus.Resolved);
        _live.Incidents.Get(incident.Id)!.Causes.Should().BeEquivalentTo(causes);
        engine.AttachCauses("missing", causes, _live.Time.GetUtcNow()).Should().BeNull();
    }
}
