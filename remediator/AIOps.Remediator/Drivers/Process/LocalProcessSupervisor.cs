using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using AIOps.Analyzer.Changes;
using AIOps.Analyzer.RootCause;

namespace AIOps.Remediator.Drivers.Process;

/// <summary>
/// Starts, stops and restarts local processes (the travel services in the one-machine demo), keeps
/// their output in log files, and notices when one ends on its own. Stopping is graceful first
/// (SIGTERM, so a service deregisters), forced after the grace period. Disposing stops everything:
/// no child outlives the supervisor's owner. Every start of a process that ran before is recorded in the change log
/// (when the host has one), where root-cause ranking finds it: a restart can explain an incident.
/// </summary>
public sealed class LocalProcessSupervisor(TimeProvider time, ILogger<LocalProcessSupervisor> logger, ChangeEventLog? changes = null) : IAsyncDisposable
{
    public static readonly TimeSpan DefaultGrace = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>Raised when a process ends without having been asked to (a crash).</summary>
    public event Action<ManagedProcessInfo>? Exited;

    public IReadOnlyList<ManagedProcessInfo> List() =>
        [.. _entries.Values.Select(e => e.Info()).OrderBy(i => i.Group, StringComparer.Ordinal).ThenBy(i => i.Name, StringComparer.Ordinal)];

    public ManagedProcessInfo? Get(string name) => _entries.TryGetValue(name, out var entry) ? entry.Info() : null;

    public ManagedProcessInfo Start(ProcessSpec spec)
    {
        var entry = _entries.GetOrAdd(spec.Name, _ => new Entry(spec));
        lock (entry)
        {
            if (entry.Process is { HasExited: false })
            {
                throw new InvalidOperationException($"{spec.Name} is already running (pid {entry.Process.Id})");
            }

            var again = entry.Process is not null;
            entry.Spec = spec;
            Launch(entry);
            var info = entry.Info();
            if (again)
            {
                RecordRestart(info, "started again");
            }

            return info;
        }
    }

    /// <summary>Stops a process: SIGTERM, then SIGKILL after <paramref name="grace"/>. False when it was not running.</summary>
    public async Task<bool> StopAsync(string name, TimeSpan grace, CancellationToken cancellationToken = default)
    {
        if (!_entries.TryGetValue(name, out var entry) || entry.Process is not { } process || process.HasExited)
        {
            return false;
        }

        entry.Stopping = true;
        var started = Stopwatch.GetTimestamp();
        var forced = false;
        if (!PosixSignals.Terminate(process.Id))
        {
            process.Kill(entireProcessTree: true);
            forced = true;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(grace);
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            forced = true;
        }

        entry.MarkEnded(ProcessState.Stopped, time.GetUtcNow());
        ProcessLog.Stopped(logger, name, process.Id, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds, forced ? " (killed after the grace period)" : string.Empty);
        return true;
    }

    public async Task<ManagedProcessInfo> RestartAsync(string name, TimeSpan grace, CancellationToken cancellationToken = default)
    {
        if (!_entries.TryGetValue(name, out var entry))
        {
            throw new KeyNotFoundException($"no supervised process named {name}");
        }

        await StopAsync(name, grace, cancellationToken).ConfigureAwait(false);
        lock (entry)
        {
            Launch(entry);
            var info = entry.Info();
            RecordRestart(info, "restarted");
            return info;
        }
    }

    public Task StopAllAsync(TimeSpan grace) =>
        Task.WhenAll(_entries.Keys.Select(name => StopAsync(name, grace)));

    /// <summary>Forgets a stopped or exited process (after a scale-in).</summary>
    public bool Remove(string name) =>
        _entries.TryGetValue(name, out var entry) && (entry.Process is null || entry.Process.HasExited) && _entries.TryRemove(name, out _);

    public async ValueTask DisposeAsync()
    {
        await StopAllAsync(DefaultGrace).ConfigureAwait(false);
        foreach (var entry in _entries.Values)
        {
            entry.Dispose();
        }
    }

    private void Launch(Entry entry)
    {
        var spec = entry.Spec;
        var info = new ProcessStartInfo(spec.FileName)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
        };
        foreach (var argument in spec.Arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in spec.Environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(spec.LogPath))!);
        entry.Dispose();
        var log = new StreamWriter(new FileStream(spec.LogPath, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };
        var process = new System.Diagnostics.Process { StartInfo = info, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => entry.Write(e.Data);
        process.ErrorDataReceived += (_, e) => entry.Write(e.Data);
        process.Exited += (_, _) => OnExited(entry, process);
        if (!process.Start())
        {
            throw new InvalidOperationException($"could not start {spec.FileName}");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        entry.Started(process, log, time.GetUtcNow());
        ProcessLog.Started(logger, spec.Name, process.Id, spec.FileName, string.Join(' ', spec.Arguments));
    }

    private void RecordRestart(ManagedProcessInfo info, string how) =>
        changes?.Record(new ChangeEvent(
            info.Group,
            "restart",
            time.GetUtcNow().ToUnixTimeMilliseconds(),
            string.Create(CultureInfo.InvariantCulture, $"{info.Name} {how} by the process supervisor (pid {info.Pid}, start {info.Starts})"),
            info.Name));

    private void OnExited(Entry entry, System.Diagnostics.Process process)
    {
        ManagedProcessInfo info;

        // Launch runs under this lock: a process that exits at once is only judged after the entry has recorded it.
        lock (entry)
        {
            if (!ReferenceEquals(entry.Process, process) || entry.Stopping)
            {
                return;
            }

            entry.MarkEnded(ProcessState.Exited, time.GetUtcNow());
            info = entry.Info();
        }

        ProcessLog.Exited(logger, entry.Spec.Name, process.Id, process.ExitCode);
        Exited?.Invoke(info);
    }

    private sealed class Entry(ProcessSpec spec) : IDisposable
    {
        private readonly Lock _logGate = new();
        private StreamWriter? _log;
        private DateTimeOffset _startedAt;
        private DateTimeOffset? _endedAt;
        private ProcessState _state;
        private int _starts;

        public ProcessSpec Spec { get; set; } = spec;

        public System.Diagnostics.Process? Process { get; private set; }

        public volatile bool Stopping;

        public void Started(System.Diagnostics.Process process, StreamWriter log, DateTimeOffset at)
        {
            Process = process;
            _log = log;
            _startedAt = at;
            _endedAt = null;
            _state = ProcessState.Running;
            _starts++;
            Stopping = false;
        }

        public void MarkEnded(ProcessState state, DateTimeOffset at)
        {
            _state = state;
            _endedAt = at;
        }

        public void Write(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (_logGate)
            {
                _log?.WriteLine(line);
            }
        }

        public ManagedProcessInfo Info()
        {
            var process = Process;
            int? exitCode = process is { HasExited: true } ? process.ExitCode : null;
            return new ManagedProcessInfo(Spec.Name, Spec.Group, process?.Id ?? 0, _state, _startedAt, _endedAt, exitCode, _starts, Spec.LogPath);
        }

        public void Dispose()
        {
            lock (_logGate)
            {
                _log?.Dispose();
                _log = null;
            }
        }
    }
}
