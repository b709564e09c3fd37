using AIOps.Travel.Capacity;

namespace AIOps.Travel.Tests.Capacity;

public sealed class WorkerPoolTests
{
    [Fact]
    public void Capacity_IsWorkersOverWorkTime()
    {
        using var pool = new WorkerPool(4, TimeSpan.FromMilliseconds(50), 10);

        pool.Capacity.Should().BeApproximately(80, 1e-9);
    }

    [Fact]
    public async Task WorkAsync_BeyondWorkersAndQueue_WaitsThenRefuses()
    {
        using var pool = new WorkerPool(1, TimeSpan.FromMilliseconds(300), queueLimit: 1);

        var first = pool.WorkAsync(CancellationToken.None);
        pool.Busy.Should().Be(1, "the first request takes the only worker at once");
        var second = pool.WorkAsync(CancellationToken.None);
        pool.Waiting.Should().Be(1, "the second waits its turn");
        var third = pool.WorkAsync(CancellationToken.None);
        third.IsCompleted.Should().BeTrue("a full queue refuses at once rather than growing");

        (await third).Should().BeFalse();
        (await first).Should().BeTrue();
        (await second).Should().BeTrue();
        pool.Refused.Should().Be(1);
        pool.Busy.Should().Be(0);
        pool.Waiting.Should().Be(0);
    }

    [Fact]
    public async Task WorkAsync_Cancelled_WhileWaiting_LeavesTheQueue()
    {
        using var pool = new WorkerPool(1, TimeSpan.FromSeconds(5), queueLimit: 5);
        using var cancel = new CancellationTokenSource();
        using var first = new CancellationTokenSource();
        var holding = pool.WorkAsync(first.Token);
        var waiting = pool.WorkAsync(cancel.Token);
        pool.Waiting.Should().Be(1);

        await cancel.CancelAsync();
        await first.CancelAsync();

        await FluentActions.Awaiting(() => waiting).Should().ThrowAsync<OperationCanceledException>();
        await FluentActions.Awaiting(() => holding).Should().ThrowAsync<OperationCanceledException>();
        pool.Waiting.Should().Be(0);
        pool.Busy.Should().Be(0, "a cancelled request gives its worker back");
    }
}
