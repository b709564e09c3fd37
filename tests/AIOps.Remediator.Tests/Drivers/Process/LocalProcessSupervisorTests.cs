using AIOps.Testing;
using System.Diagnostics;
using AIOps.Analyzer.Changes;
using AIOps.Remediator.Drivers.Process;
using Microsoft.Extensions.Logging.Abstractions;

namespace AIOps.Remediator.Tests.Drivers.Process;

public sealed class LocalProcessSupervisorTests : IAsyncLifetime
{
    private static readonly TimeSpan s_deadline = TimeSpan.FromSeconds(10);

    // Loops in short sleeps so a trapped SIGTERM is handled within a tenth of a second.
    private const string TermExitsScript = "trap 'exit 0' TERM; echo ready; while true; do sleep 0.1; done";
    private const string TermIgnoredScript = "trap '' TERM; echo ready; while true; do sleep 0.1; done";

    private readonly string _directory = Directory.CreateTempSubdirectory("aiops-supervisor-").FullName;
    private readonly LocalProcessSupervisor _supervisor = new(TimeProvider.System, NullLogger<LocalProcessSupervisor>.Instance);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _supervisor.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Start_Process_ListsItRunningAndLogsItsOutput()
    {
        var spec = Shell("web-1", "echo hello out; echo hello err >&2; exec sleep 30");

        var started = _supervisor.Start(spec);

        started.Pid.Should().BePositive();
        var listed = _supervisor.List().Should().ContainSingle().Subject;
        listed.Name.Should().Be("web-1");
        listed.Group.Should().Be("web");
        listed.State.Should().Be(ProcessState.Running);
        listed.Pid.Should().Be(started.Pid);
        listed.Starts.Should().Be(1);
        listed.ExitCode.Should().BeNull();
        ProcessProbe.IsAlive(started.Pid).Should().BeTrue();
        (await EventuallyAsync(() => ReadLog(spec.LogPath).Contains("hello out", StringComparison.Ordinal) && ReadLog(spec.LogPath).Contains("hello err", StringComparison.Ordinal)))
            .Should().BeTrue($"both output streams should reach {spec.LogPath}, which holds: {ReadLog(spec.LogPath)}");
    }

    [Fact]
    public async Task StopAsync_ProcessHandlesTerm_EndsGracefullyWithinGrace()
    {
        var spec = Shell("web-1", TermExitsScript);
        var pid = _supervisor.Start(spec).Pid;
        await WaitForLogAsync(spec, "ready");
        var grace = TimeSpan.FromSeconds(5);
        var watch = Stopwatch.StartNew();

        var stopped = await _supervisor.StopAsync("web-1", grace);

        watch.Elapsed.Should().BeLessThan(grace);
        stopped.Should().BeTrue();
        var info = _supervisor.Get("web-1")!;
        info.State.Should().Be(ProcessState.Stopped);
        info.ExitCode.Should().Be(0, "the trap exits with 0, a SIGKILL would give 137");
        info.EndedAt.Should().NotBeNull();
        ProcessProbe.IsAlive(pid).Should().BeFalse();
    }

    [Fact]
    public async Task StopAsync_ProcessIgnoresTerm_KilledAfterGrace()
    {
        var spec = Shell("web-1", TermIgnoredScript);
        var pid = _supervisor.Start(spec).Pid;
        await WaitForLogAsync(spec, "ready");
        var grace = TimeSpan.FromMilliseconds(500);
        var watch = Stopwatch.StartNew();

        var stopped = await _supervisor.StopAsync("web-1", grace);

        watch.Elapsed.Should().BeGreaterThanOrEqualTo(grace).And.BeLessThan(s_deadline);
        stopped.Should().BeTrue();
        var info = _supervisor.Get("web-1")!;
        info.State.Should().Be(ProcessState.Stopped);
        info.ExitCode.Should().Be(128 + 9, "the process ignored SIGTERM and had to be killed");
        ProcessProbe.IsAlive(pid).Should().BeFalse();
    }

    [Fact]
    public async Task StopAsync_NotRunning_ReturnsFalse()
    {
        (await _supervisor.StopAsync("nobody", TimeSpan.FromSeconds(1))).Should().BeFalse();

        var spec = Shell("web-1", "exit 0");
        var exited = ExitedAsync();
        _supervisor.Start(spec);
        await exited;

        (await _supervisor.StopAsync("web-1", TimeSpan.FromSeconds(1))).Should().BeFalse();
    }

    [Fact]
    public async Task Exited_ProcessEndsOnItsOwn_RaisedWithExitCode()
    {
        var exited = ExitedAsync();

        _supervisor.Start(Shell("web-1", "exit 3"));

        var info = await exited;
        info.Name.Should().Be("web-1");
        info.State.Should().Be(ProcessState.Exited);
        info.ExitCode.Should().Be(3);
        var listed = _supervisor.Get("web-1")!;
        listed.State.Should().Be(ProcessState.Exited);
        listed.ExitCode.Should().Be(3);
        listed.EndedAt.Should().NotBeNull();
    }

    [Fact]
    public async Task Exited_ProcessStoppedBySupervisor_NotRaised()
    {
        var raised = 0;
        _supervisor.Exited += _ => Interlocked.Increment(ref raised);
        var spec = Shell("web-1", TermExitsScript);
        _supervisor.Start(spec);
        await WaitForLogAsync(spec, "ready");

        await _supervisor.StopAsync("web-1", TimeSpan.FromSeconds(5));

        Volatile.Read(ref raised).Should().Be(0);
        _supervisor.Get("web-1")!.State.Should().Be(ProcessState.Stopped);
    }

    [Fact]
    public async Task RestartAsync_RunningProcess_StartsNewPidAndCountsStarts()
    {
        var spec = Sleep("web-1");
        var first = _supervisor.Start(spec);

        var second = await _supervisor.RestartAsync("web-1", TimeSpan.FromSeconds(5));

        second.Pid.Should().NotBe(first.Pid);
        second.Starts.Should().Be(2);
        second.State.Should().Be(ProcessState.Running);
        _supervisor.Get("web-1")!.Pid.Should().Be(second.Pid);
        ProcessProbe.IsAlive(first.Pid).Should().BeFalse();
        ProcessProbe.IsAlive(second.Pid).Should().BeTrue();
    }

    [Fact]
    public async Task RestartAsync_WithChangeLog_RecordsTheRestartButNotTheFirstStart()
    {
        var changes = new ChangeEventLog();
        var time = new ManualTimeProvider();
        await using var supervisor = new LocalProcessSupervisor(time, NullLogger<LocalProcessSupervisor>.Instance, changes);
        var first = supervisor.Start(Sleep("web-1"));
        changes.Count.Should().Be(0, "a first start changes nothing that was running");

        var second = await supervisor.RestartAsync("web-1", TimeSpan.FromSeconds(5));

        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var change = changes.Between(now, now + 1).Should().ContainSingle().Subject;
        change.Service.Should().Be("web");
        change.Kind.Should().Be("restart");
        change.Instance.Should().Be("web-1");
        change.Description.Should().Contain($"pid {second.Pid}").And.NotContain($"pid {first.Pid}");
    }

    [Fact]
    public async Task RestartAsync_UnknownName_ThrowsKeyNotFound()
    {
        var restart = () => _supervisor.RestartAsync("nobody", TimeSpan.FromSeconds(1));

        await restart.Should().ThrowAsync<KeyNotFoundException>().WithMessage("*nobody*");
    }

    [Fact]
    public void Start_NameAlreadyRunning_ThrowsInvalidOperation()
    {
        var first = _supervisor.Start(Sleep("web-1"));

        var again = () => _supervisor.Start(Sleep("web-1"));

        again.Should().Throw<InvalidOperationException>().WithMessage($"*web-1*{first.Pid}*");
        _supervisor.List().Should().ContainSingle().Which.Pid.Should().Be(first.Pid);
    }

    [Fact]
    public async Task Remove_RunningOrStopped_ForgetsOnlyTheStopped()
    {
        _supervisor.Start(Sleep("web-1"));

        _supervisor.Remove("web-1").Should().BeFalse();

        await _supervisor.StopAsync("web-1", TimeSpan.FromSeconds(5));
        _supervisor.Remove("web-1").Should().BeTrue();
        _supervisor.Get("web-1").Should().BeNull();
    }

    [Fact]
    public async Task DisposeAsync_RunningChildren_StopsEveryOne()
    {
        var pids = new[] { _supervisor.Start(Sleep("web-1")).Pid, _supervisor.Start(Sleep("web-2")).Pid, _supervisor.Start(Sleep("api-1")).Pid };
        pids.Should().OnlyContain(pid => ProcessProbe.IsAlive(pid));

        await _supervisor.DisposeAsync();

        pids.Should().NotContain(pid => ProcessProbe.IsAlive(pid));
        _supervisor.List().Should().HaveCount(3).And.OnlyContain(p => p.State == ProcessState.Stopped);
    }

    private ProcessSpec Shell(string name, string script) =>
        new(name, name.Split('-')[0], "/bin/sh", ["-c", script], Path.Combine(_directory, name + ".log"));

    private ProcessSpec Sleep(string name) =>
        new(name, name.Split('-')[0], "/bin/sleep", ["30"], Path.Combine(_directory, name + ".log"));

    private Task<ManagedProcessInfo> ExitedAsync()
    {
        var exited = new TaskCompletionSource<ManagedProcessInfo>(TaskCreationOptions.RunContinuationsAsynchronously);
        _supervisor.Exited += info => exited.TrySetResult(info);
        return exited.Task.WaitAsync(s_deadline);
    }

    private static async Task WaitForLogAsync(ProcessSpec spec, string text) =>
        (await EventuallyAsync(() => ReadLog(spec.LogPath).Contains(text, StringComparison.Ordinal)))
            .Should().BeTrue($"{spec.Name} should have written '{text}' to its log");

    private static string ReadLog(string path)
    {
        if (!File.Exists(path))
        {
            return string.Empty;
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }


    private static async Task<bool> EventuallyAsync(Func<bool> condition)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > s_deadline)
            {
                return false;
            }

            await Task.Delay(20);
        }

        return true;
    }
}
