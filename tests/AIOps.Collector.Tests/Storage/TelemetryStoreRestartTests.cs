using AIOps.Collector.Aggregation;
using AIOps.Collector.Storage;
using AIOps.Testing;

namespace AIOps.Collector.Tests.Storage;

public sealed class TelemetryStoreRestartTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("aiops-restart-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Red_AfterARestart_ServesTheLastHourFromThePartitions()
    {
        var time = new ManualTimeProvider();
        var now = (time.GetUtcNow() - DateTimeOffset.UnixEpoch).Ticks * 100;
        var window = LiveAggregates.WindowOf(now - TimeSpan.FromMinutes(20).Ticks * 100);
        var red = new RedWindow(window, "hotel", "GET /hotels");
        red.Record(2_000_000, error: false);
        red.Record(4_000_000, error: true);
        using (var before = new TelemetryStore(new CollectorOptions { DataDirectory = _directory }, time))
        {
            before.Traces.Write([], [red], [new EdgeWindow(window, "gateway", "hotel")]);
        }

        using var after = new TelemetryStore(new CollectorOptions { DataDirectory = _directory }, time);

        var windows = after.Red(now - TimeSpan.FromMinutes(30).Ticks * 100, now);
        windows.Should().ContainSingle().Which.Should().Match<RedWindow>(w => w.Service == "hotel" && w.Count == 2 && w.Errors == 1);
        after.Edges(now - TimeSpan.FromMinutes(30).Ticks * 100, now).Should().ContainSingle().Which.Callee.Should().Be("hotel");
    }
}
