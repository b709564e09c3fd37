using AIOps.Remediator.Drivers.Process;
using AIOps.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace AIOps.Remediator.Tests.Drivers.Process;

public sealed class LocalProcessDriverTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("aiops-driver-").FullName;
    private readonly LocalProcessSupervisor _supervisor = new(TimeProvider.System, NullLogger<LocalProcessSupervisor>.Instance);
    private LocalProcessDriver _driver = null!;

    // A replica: a shell that exits at once on SIGTERM, standing in for a travel service.
    private ProcessSpec Replica(string service, int n) => new(
        $"{service}-{n}", service, "/bin/sh", ["-c", "trap 'exit 0' TERM; while true; do sleep 0.1; done"], Path.Combine(_directory, $"{service}-{n}.log"));

    public Task InitializeAsync()
    {
        _driver = new LocalProcessDriver(_supervisor, Replica) { Grace = TimeSpan.FromSeconds(5), MaxReplicas = new Dictionary<string, int> { ["hotel"] = 5 } };
        _supervisor.Start(Replica("hotel", 1));
        _supervisor.Start(Replica("hotel", 2));
        _supervisor.Start(Replica("flight", 1));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _driver.Dispose();
        await _supervisor.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task ScaleAsync_Out_StartsTheNextReplicas()
    {
        var changes = await _driver.ScaleAsync("hotel", 4, dryRun: false, CancellationToken.None);

        changes.Should().HaveCount(2).And.OnlyContain(c => c.StartsWith("start hotel-", StringComparison.Ordinal));
        (await _driver.ReplicasAsync("hotel", CancellationToken.None)).Should().BeEquivalentTo(new { Desired = 4, Ready = 4, Instances = new[] { "hotel-1", "hotel-2", "hotel-3", "hotel-4" } });
    }

    [Fact]
    public async Task ScaleAsync_In_StopsTheHighestNumberedAndForgetsThem()
    {
        var pid = _supervisor.Get("hotel-2")!.Pid;

        var changes = await _driver.ScaleAsync("hotel", 1, dryRun: false, CancellationToken.None);

        changes.Should().Equal("stop hotel-2 (SIGTERM, killed after 5 s)");
        _supervisor.Get("hotel-2").Should().BeNull();
        ProcessProbe.IsAlive(pid).Should().BeFalse();
        (await _driver.ReplicasAsync("hotel", CancellationToken.None)).Instances.Should().Equal("hotel-1");
    }

    [Fact]
    public async Task ScaleAsync_BeyondThePlatformsMaximum_RefusesAndSaysSo()
    {
        (await _driver.ReplicasAsync("hotel", CancellationToken.None)).Max.Should().Be(5);

        var scale = () => _driver.ScaleAsync("hotel", 6, dryRun: true, CancellationToken.None);

        (await scale.Should().ThrowAsync<InvalidOperationException>()).WithMessage("hotel runs at most 5 replicas on this platform");
    }

    [Fact]
    public async Task ScaleAsync_DryRun_DescribesAndChangesNothing()
    {
        var changes = await _driver.ScaleAsync("hotel", 3, dryRun: true, CancellationToken.None);

        changes.Should().ContainSingle().Which.Should().StartWith("start hotel-3: /bin/sh -c");
        (await _driver.ReplicasAsync("hotel", CancellationToken.None)).Desired.Should().Be(2);
    }

    [Fact]
    public async Task RestartInstanceAsync_ANewProcessForTheSameInstance()
    {
        var before = _supervisor.Get("hotel-2")!;

        await _driver.RestartInstanceAsync("hotel", "hotel-2", dryRun: false, CancellationToken.None);

        var after = _supervisor.Get("hotel-2")!;
        after.Starts.Should().Be(before.Starts + 1);
        after.Pid.Should().NotBe(before.Pid);
        ProcessProbe.IsAlive(before.Pid).Should().BeFalse();
    }

    [Fact]
    public async Task RestartInstanceAsync_AProcessOfAnotherService_Refuses()
    {
        var restart = () => _driver.RestartInstanceAsync("hotel", "flight-1", dryRun: false, CancellationToken.None);

        await restart.Should().ThrowAsync<InvalidOperationException>().WithMessage("flight-1 is not a process of service hotel");
    }

    [Fact]
    public async Task ReplicasAsync_ACrashedReplica_IsNotReady()
    {
        var pid = _supervisor.Get("hotel-2")!.Pid;
        System.Diagnostics.Process.GetProcessById(pid).Kill();
        await Poll.UntilAsync(() => _supervisor.Get("hotel-2")!.State == ProcessState.Exited, TimeSpan.FromSeconds(10), "the supervisor to see the crash");

        var replicas = await _driver.ReplicasAsync("hotel", CancellationToken.None);

        replicas.Should().BeEquivalentTo(new { Desired = 2, Ready = 1, NotReady = new[] { "hotel-2" } });
    }

    [Fact]
    public async Task SetFloorAsync_KeepsTheFloorAndTheReplicasFollowIt()
    {
        await _driver.SetFloorAsync("flight", 3, dryRun: false, CancellationToken.None);
        (await _driver.ReplicasAsync("flight", CancellationToken.None)).Should().BeEquivalentTo(new { Desired = 3, Floor = 3 });

        await _driver.SetFloorAsync("flight", 1, dryRun: false, CancellationToken.None);
        (await _driver.ReplicasAsync("flight", CancellationToken.None)).Should().BeEquivalentTo(new { Desired = 1, Floor = 1 });
    }
}
