using AIOps.Travel.Discovery;

namespace AIOps.Travel.Tests.Discovery;

public sealed class InstanceTableTests
{
    private static readonly DateTimeOffset s_t0 = new(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);

    private static ServiceInstance Hotel(int n) => new("hotel", $"hotel-{n}", $"http://127.0.0.1:{41000 + n}", "1", 1, 100 + n);

    [Fact]
    public void Upsert_NewInstance_AppearsAndMovesTheIndex()
    {
        var table = new InstanceTable();
        var before = table.Index;

        table.Upsert(Hotel(1), s_t0).Should().BeTrue();

        table.Snapshot("hotel").Instances.Should().Equal(Hotel(1));
        table.Index.Should().BeGreaterThan(before);
    }

    [Fact]
    public void Upsert_Heartbeat_DoesNotMoveTheIndex()
    {
        var table = new InstanceTable();
        table.Upsert(Hotel(1), s_t0);
        var index = table.Index;

        table.Upsert(Hotel(1), s_t0.AddSeconds(1)).Should().BeFalse();

        table.Index.Should().Be(index);
    }

    [Fact]
    public void Evict_MissedHeartbeats_RemovesOnlyTheSilentInstance()
    {
        var table = new InstanceTable();
        table.Upsert(Hotel(1), s_t0);
        table.Upsert(Hotel(2), s_t0);
        table.Upsert(Hotel(2), s_t0.AddSeconds(3));

        var evicted = table.Evict(s_t0.AddSeconds(3.5), TimeSpan.FromSeconds(3));

        evicted.Should().Equal(Hotel(1));
        table.Snapshot("hotel").Instances.Should().Equal(Hotel(2));
    }

    [Fact]
    public void Remove_Deregistered_IsGoneAndSecondRemoveIsFalse()
    {
        var table = new InstanceTable();
        table.Upsert(Hotel(1), s_t0);

        table.Remove("hotel", "hotel-1").Should().BeTrue();
        table.Remove("hotel", "hotel-1").Should().BeFalse();
        table.Snapshot("hotel").Instances.Should().BeEmpty();
    }

    [Fact]
    public async Task WaitForChange_ChangeArrives_CompletesBeforeTheWaitEnds()
    {
        var table = new InstanceTable();
        var index = table.Index;
        var waiting = table.WaitForChangeAsync(index, TimeSpan.FromSeconds(30), CancellationToken.None);
        waiting.IsCompleted.Should().BeFalse();

        table.Upsert(Hotel(1), s_t0);

        await waiting.WaitAsync(TimeSpan.FromSeconds(5));
        table.Index.Should().BeGreaterThan(index);
    }

    [Fact]
    public async Task WaitForChange_IndexAlreadyPassed_ReturnsAtOnce()
    {
        var table = new InstanceTable();
        table.Upsert(Hotel(1), s_t0);

        var waiting = table.WaitForChangeAsync(0, TimeSpan.FromSeconds(30), CancellationToken.None);

        waiting.IsCompleted.Should().BeTrue();
        await waiting;
    }
}
