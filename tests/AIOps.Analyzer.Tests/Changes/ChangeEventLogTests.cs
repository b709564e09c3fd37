using AIOps.Analyzer.Changes;
using AIOps.Analyzer.RootCause;

namespace AIOps.Analyzer.Tests.Changes;

public sealed class ChangeEventLogTests
{
    private static ChangeEvent Restart(string service, long timeMs) => new(service, "restart", timeMs, $"{service} restarted");

    [Fact]
    public void Between_EventsAroundTheWindow_ReturnsThoseInsideOldestFirst()
    {
        var log = new ChangeEventLog();
        foreach (var (service, time) in new[] { ("hotel", 3_000L), ("flight", 999L), ("user", 1_000L), ("search", 5_000L), ("cart", 4_999L) })
        {
            log.Record(Restart(service, time));
        }

        log.Between(1_000, 5_000).Select(e => e.Service).Should().Equal("user", "hotel", "cart");
        log.Between(6_000, 7_000).Should().BeEmpty();
    }

    [Fact]
    public void Record_BeyondCapacity_DropsTheOldestRecorded()
    {
        var log = new ChangeEventLog(capacity: 3);

        for (var i = 0; i < 5; i++)
        {
            log.Record(Restart($"s{i}", i * 1000L));
        }

        log.Count.Should().Be(3);
        log.Between(long.MinValue, long.MaxValue).Select(e => e.Service).Should().Equal("s2", "s3", "s4");
    }

    [Fact]
    public void Constructor_CapacityNotPositive_Throws()
    {
        var create = () => new ChangeEventLog(capacity: 0);

        create.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("capacity");
    }

    [Fact]
    public async Task Record_FromManyThreads_KeepsExactlyTheCapacity()
    {
        var log = new ChangeEventLog(capacity: 1000);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(worker => Task.Run(() =>
        {
            for (var i = 0; i < 2000; i++)
            {
                log.Record(Restart($"w{worker}", i));
                log.Between(0, 100);
            }
        })));

        log.Count.Should().Be(1000);
        log.Between(long.MinValue, long.MaxValue).Should().HaveCount(1000);
    }
}
