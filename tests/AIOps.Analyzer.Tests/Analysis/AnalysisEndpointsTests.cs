using System.Text.Json;
using AIOps.Analyzer.Analysis;
using AIOps.Analyzer.Incidents;
using AIOps.Analyzer.RootCause;
using AIOps.Analyzer.Signals;
using AIOps.Collector;
using AIOps.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace AIOps.Analyzer.Tests.Analysis;

public sealed class AnalysisEndpointsTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("aiops-api-").FullName;
    private readonly ManualTimeProvider _time = new();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private WebApplication _app = null!;

    public async Task InitializeAsync()
    {
        _app = await LoopbackApp.StartAsync(app => app.MapAnalysisApi(), services =>
        {
            services.AddSingleton<TimeProvider>(_time);
            services.AddCollector(c => c.DataDirectory = Path.Combine(_directory, "store"));
            services.AddAnalyzer(a =>
            {
                a.Enabled = false;
                a.DataDirectory = _directory;
            });
        });
        _http.BaseAddress = new Uri(_app.Urls.Single());
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private Incident Save(string id, IReadOnlyList<RankedCause> causes, DateTimeOffset? rankedAt)
    {
        var signal = new Signal { Key = new IndicatorKey("hotel", null, Indicator.LatencyP95), StartedMs = _time.GetUtcNow().ToUnixTimeMilliseconds() - 60_000, Baseline = 5, Peak = 200, Last = 200, Score = 0.9 };
        var incident = new Incident
        {
            Id = id,
            Status = IncidentStatus.Open,
            OpenedAt = _time.GetUtcNow().AddSeconds(-30),
            UpdatedAt = _time.GetUtcNow(),
            Title = SignalText.Describe(signal),
            Services = ["hotel"],
            Signals = [IncidentSignal.From(signal)],
            Timeline = [],
            Causes = causes,
            CausesRankedAt = rankedAt,
        };
        _app.Services.GetRequiredService<IncidentStore>().Save([incident]);
        return incident;
    }

    [Fact]
    public async Task GetIncident_Ranked_ServesItsCauses()
    {
        var rankedAt = _time.GetUtcNow();
        Save("ranked", [new RankedCause("hotel", 1, "latency", "GET /hotels", null, [
            new CauseEvidence(CauseEvidenceKind.Latency, "GET /hotels", 5, 200, 38.5, "self time up", ["0123456789abcdef0123456789abcdef"]),
            new CauseEvidence(CauseEvidenceKind.Metric, "latency_p95", 6, 210, 12, "latency_p95 up", []),
        ])], rankedAt);

        using var document = JsonDocument.Parse(await _http.GetStringAsync("/api/v1/incidents/ranked"));

        var root = document.RootElement;
        root.GetProperty("causesRankedAt").GetDateTimeOffset().Should().Be(rankedAt);
        var cause = root.GetProperty("causes").EnumerateArray().Should().ContainSingle().Subject;
        cause.GetProperty("service").GetString().Should().Be("hotel");
        cause.GetProperty("score").GetDouble().Should().Be(1);
        cause.GetProperty("indicator").GetString().Should().Be("latency");
        cause.GetProperty("operation").GetString().Should().Be("GET /hotels");
        cause.GetProperty("instance").ValueKind.Should().Be(JsonValueKind.Null);
        var evidence = cause.GetProperty("evidence").EnumerateArray().ToList();
        evidence.Select(e => e.GetProperty("kind").GetString()).Should().Equal("latency", "metric");
        evidence[0].GetProperty("subject").GetString().Should().Be("GET /hotels");
        evidence[0].GetProperty("baseline").GetDouble().Should().Be(5);
        evidence[0].GetProperty("incident").GetDouble().Should().Be(200);
        evidence[0].GetProperty("score").GetDouble().Should().Be(38.5);
        evidence[0].GetProperty("detail").GetString().Should().Be("self time up");
        evidence[0].GetProperty("exampleTraceIds").EnumerateArray().Select(t => t.GetString()).Should().Equal("0123456789abcdef0123456789abcdef");
    }

    [Fact]
    public async Task ListIncidents_NotRankedYet_ServesEmptyCauses()
    {
        Save("fresh", [], null);

        using var document = JsonDocument.Parse(await _http.GetStringAsync("/api/v1/incidents"));

        var incident = document.RootElement.EnumerateArray().Should().ContainSingle().Subject;
        incident.GetProperty("causes").GetArrayLength().Should().Be(0);
        incident.GetProperty("causesRankedAt").ValueKind.Should().Be(JsonValueKind.Null);
    }
}
