using AIOps.Analyzer.Analysis;
using AIOps.Analyzer.RootCause;

namespace AIOps.Analyzer.Tests.Analysis;

public sealed class LiveEvidenceReaderTests
{
    [Fact]
    public async Task Read_TwelveMinutesOfTraffic_SplitsSpansAtTheAnomalyAndCarriesResourceMetrics()
    {
        using var live = new LiveTelemetry();
        var now = live.NowMs;
        var start = now - 120_000;
        await live.BookingsAsync(now - 720_000, now, t => t < start ? 5 : 200);
        await live.CpuAsync("hotel", now - 720_000, now, t => t < start ? 0.1 : 0.9);

        var baseline = live.Evidence.ReadBaseline(start);
        var evidence = live.Evidence.Read(start, baseline);

        baseline.FromMs.Should().Be(start - 600_000);
        baseline.Spans.Should().HaveCount(1200).And.OnlyContain(s => s.StartNanos >= (start - 600_000) * 1_000_000 && s.StartNanos < start * 1_000_000);
        evidence.AnomalyStartMs.Should().Be(start);
        evidence.IncidentSpans.Should().HaveCount(240).And.OnlyContain(s => s.StartNanos >= start * 1_000_000);
        evidence.IncidentSpans.Where(s => s.Service == "hotel").Should().OnlyContain(s => s.DurationNanos == 200_000_000);

        var cpu = evidence.Metrics.Should().ContainSingle(m => m.Service == "hotel" && m.Name == "cpu").Subject;
        cpu.Points.Should().Contain(p => p.TimeMs < start - 30_000).And.Contain(p => p.TimeMs >= start + 30_000);
        cpu.Points.Select(p => p.TimeMs).Should().BeInAscendingOrder();
        cpu.Points.Where(p => p.TimeMs < start - 30_000).Should().OnlyContain(p => p.Value < 0.2);
        cpu.Points.Where(p => p.TimeMs >= start + 30_000).Should().OnlyContain(p => p.Value > 0.8);
        cpu.Points[^1].TimeMs.Should().BeLessThanOrEqualTo(now - 10_000 - (long)live.Options.SettleDelay.TotalMilliseconds, "only settled windows are read");
        evidence.Metrics.Should().NotContain(m => m.Name == "latency_p95" || m.Name == "request_rate" || m.Name == "error_rate", "RED moves along the call graph; the spans carry it per operation");
    }

    [Fact]
    public async Task Read_ThreadPoolQueue_CarriesTheQueueNoiseAsItsFloorForServiceAndInstance()
    {
        using var live = new LiveTelemetry();
        var now = live.NowMs;
        var start = now - 120_000;
        await live.BookingsAsync(now - 720_000, now, _ => 5);
        await live.QueueAsync("hotel", "hotel-1", now - 720_000, now, t => t < start ? 0 : 1);

        var evidence = live.Evidence.Read(start, live.Evidence.ReadBaseline(start));

        var queues = evidence.Metrics.Where(m => m.Service == "hotel" && m.Name == "thread_pool_queue").ToList();
        queues.Select(m => m.Instance).Should().BeEquivalentTo([null, "hotel-1"]);
        queues.Should().OnlyContain(m => m.ScaleFloor == IndicatorReader.QueueNoiseItems && m.Points.Any(p => p.Value == 1));
    }

    [Fact]
    public async Task Read_WindowLongerThanTheLimit_StopsTheIncidentWindowThere()
    {
        using var live = new LiveTelemetry(o => o.RootCauseWindow = TimeSpan.FromMinutes(1));
        var now = live.NowMs;
        var start = now - 120_000;
        await live.BookingsAsync(now - 720_000, now, _ => 5);

        var evidence = live.Evidence.Read(start, live.Evidence.ReadBaseline(start));

        evidence.IncidentSpans.Should().HaveCount(120).And.OnlyContain(s => s.StartNanos < (start + 60_000) * 1_000_000);
    }

    [Fact]
    public async Task ReadSpans_MoreThanTheBound_SamplesWholeTraces()
    {
        using var live = new LiveTelemetry(o => o.RootCauseMaxSpans = 1000);
        var now = live.NowMs;
        await live.BookingsAsync(now - 1_200_000, now, _ => 5);

        var window = live.Evidence.ReadSpans(now - 1_200_000, now);

        window.Matched.Should().Be(2400);
        window.Spans.Count.Should().BeInRange(500, 1000);
        window.Spans.GroupBy(s => s.TraceId).Should().OnlyContain(trace => trace.Count() == 2);
    }

    [Fact]
    public async Task Read_RecordedAndTelemetryChanges_MergesThemWithinTheWindows()
    {
        using var live = new LiveTelemetry();
        var now = live.NowMs;
        var start = now - 120_000;

        // The frontend's process is replaced 30 s into the incident; a second hotel instance joins 5 minutes before it,
        // which the remediator also recorded (20 s later); and a restart long before the baseline is out of scope.
        await live.BookingsAsync(now - 720_000, now, _ => 5, (service, t) => service switch
        {
            "frontend" => t < start + 30_000 ? "frontend-a" : "frontend-b",
            _ => t >= start - 300_000 && t % 2000 == 0 ? "hotel-b" : "hotel-a",
        });
        live.Changes.Record(new ChangeEvent("hotel", "scale", start - 280_000, "hotel-b started by the remediator", "hotel-2"));
        live.Changes.Record(new ChangeEvent("search", "restart", start - 3_600_000, "long ago"));

        var evidence = live.Evidence.Read(start, live.Evidence.ReadBaseline(start));

        evidence.Changes.Should().HaveCount(2);
        evidence.Changes[0].Should().Be(new ChangeEvent("hotel", "scale", start - 280_000, "hotel-b started by the remediator", "hotel-2"));
        evidence.Changes[1].Should().Match<ChangeEvent>(c => c.Service == "frontend" && c.Kind == "restart" && c.Instance == "frontend-b" && c.TimeMs == start + 30_000);
    }
}
