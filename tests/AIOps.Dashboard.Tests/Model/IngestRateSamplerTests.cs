using AIOps.Collector.Model;
using AIOps.Collector.Observability;
using AIOps.Dashboard.Model;
using AIOps.Testing;

namespace AIOps.Dashboard.Tests.Model;

public sealed class IngestRateSamplerTests
{
    private readonly ManualTimeProvider _time = new();
    private readonly CollectorMetrics _metrics = new();

    [Fact]
    public void Rates_OneReading_None()
    {
        var sampler = new IngestRateSampler(_metrics, _time);
        _metrics.Accepted(Signal.Traces, 100);

        sampler.Sample();

        sampler.Rates(Signal.Traces).Should().BeEmpty();
    }

    [Fact]
    public void Rates_TwoReadings_ItemsPerSecondBetweenThem()
    {
        var sampler = new IngestRateSampler(_metrics, _time);
        _metrics.Accepted(Signal.Traces, 1000);
        sampler.Sample();

        _metrics.Accepted(Signal.Traces, 400);
        _metrics.Rejected(Signal.Traces, 20);
        _metrics.Refused(Signal.Traces, 50);
        _metrics.Accepted(Signal.Logs, 30);
        _time.Advance(TimeSpan.FromSeconds(10));
        sampler.Sample();

        sampler.Rates(Signal.Traces).Should().Equal(new IngestRate(_time.GetUtcNow(), 40, 2, 5));
        sampler.Rates(Signal.Logs).Single().Accepted.Should().Be(3);
        sampler.Rates(Signal.Metrics).Single().Accepted.Should().Be(0);
    }

    [Fact]
    public void Sample_BeyondCapacity_KeepsTheLatest()
    {
        var sampler = new IngestRateSampler(_metrics, _time);
        var first = _time.GetUtcNow();
        for (var i = 0; i < IngestRateSampler.Capacity + 5; i++)
        {
            sampler.Sample();
            _time.Advance(IngestRateSampler.Interval);
        }

        var readings = sampler.Readings();
        readings.Should().HaveCount(IngestRateSampler.Capacity);
        readings[0].Time.Should().Be(first + (IngestRateSampler.Interval * 5));
        sampler.Rates(Signal.Traces).Should().HaveCount(IngestRateSampler.Capacity - 1);
    }

    [Fact]
    public void Sample_SameTime_NoRateForAnEmptyInterval()
    {
        var sampler = new IngestRateSampler(_metrics, _time);
        sampler.Sample();
        _metrics.Accepted(Signal.Traces, 5);

        sampler.Sample();

        sampler.Rates(Signal.Traces).Should().BeEmpty();
    }

    [Fact]
    public async Task Worker_EveryInterval_TakesAReading()
    {
        var sampler = new IngestRateSampler(_metrics, _time);
        using var worker = new IngestRateWorker(sampler, _time);

        await worker.StartAsync(CancellationToken.None);
        await Poll.UntilAsync(() => sampler.Readings().Count == 1, TimeSpan.FromSeconds(10), "the first reading");
        _metrics.Accepted(Signal.Traces, 250);
        _time.Advance(IngestRateSampler.Interval);
        await Poll.UntilAsync(() => sampler.Readings().Count == 2, TimeSpan.FromSeconds(10), "the reading after one interval");
        await worker.StopAsync(CancellationToken.None);

        sampler.Rates(Signal.Traces).Single().Accepted.Should().Be(25);
    }
}
