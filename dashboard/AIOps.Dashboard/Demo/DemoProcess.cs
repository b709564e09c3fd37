using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace AIOps.Dashboard.Demo;

/// <summary>
/// A real `aiops demo` child process on free loopback ports with its own data directory, driven from outside over
/// HTTP only, as a user would (`aiops eval chaos` and the demo tests). Its console output goes to demo.log in the
/// data directory. Disposing kills the process tree (the platform's processes also watch the host's pid) and deletes
/// the data unless it is to be kept; if this process is killed outright, the demo notices (--parent-pid) and stops.
/// </summary>
public sealed partial class DemoProcess : IAsyncDisposable
{
    private readonly int _hostPort = FreePort();
    private readonly bool _keepData;
    private readonly StreamWriter _log;
    private bool _logClosed;

    private DemoProcess(IReadOnlyList<string> aiops, string dataDirectory, bool keepData, IEnumerable<string> options)
    {
        DataDirectory = dataDirectory;
        _keepData = keepData;
        Directory.CreateDirectory(dataDirectory);
        _log = new StreamWriter(new FileStream(Path.Combine(dataDirectory, "demo.log"), FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };
        var info = new ProcessStartInfo(aiops[0]) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in aiops.Skip(1).Concat(
        [
            "demo", "--data-dir", dataDirectory, "--urls", $"http://127.0.0.1:{Port(_hostPort)}",
            "--gateway-port", Port(GatewayPort), "--registry-port", Port(FreePort()), "--otlp-http-port", Port(FreePort()), "--otlp-grpc-port", "0",
        ]).Concat(options).Concat(WatchingThisProcess(options)))
        {
            info.ArgumentList.Add(argument);
        }

        Process = new Process { StartInfo = info };
        Process.OutputDataReceived += (_, e) => Write(e.Data);
        Process.ErrorDataReceived += (_, e) => Write(e.Data);
        Process.Start();
        Process.BeginOutputReadLine();
        Process.BeginErrorReadLine();
    }

    public Process Process { get; }

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(20) };

    public int GatewayPort { get; } = FreePort();

    /// <summary>The demo's data: the host's store, demo.log, and the platform's logs under demo/logs.</summary>
    public string DataDirectory { get; }

    /// <summary>The load generator's progress log (one line per 30 s, "FLASH SALE" while one is on).</summary>
    public string LoadLog => Path.Combine(DataDirectory, "demo", "logs", "load.log");

    // The demo stops itself when this process is gone (unless the options name another process to watch).
    private static IEnumerable<string> WatchingThisProcess(IEnumerable<string> options) =>
        options.Contains("--parent-pid") ? [] : ["--parent-pid", Environment.ProcessId.ToString(CultureInfo.InvariantCulture)];

    /// <summary>Starts `aiops demo` with more <paramref name="options"/> (e.g. "--qps", "0").</summary>
    /// <param name="aiops">How to run aiops: the executable and its leading arguments, e.g. dotnet and aiops.dll.</param>
    /// <param name="dataDirectory">The demo's data directory; created when missing.</param>
    /// <param name="keepData">Keep the data directory after disposal (for a look at the logs).</param>
    /// <param name="options">More `aiops demo` options.</param>
    public static DemoProcess Start(IReadOnlyList<string> aiops, string dataDirectory, bool keepData, params IEnumerable<string> options)
    {
        ArgumentNullException.ThrowIfNull(aiops);
        return aiops.Count == 0 ? throw new ArgumentException("the aiops command is empty", nameof(aiops)) : new DemoProcess(aiops, dataDirectory, keepData, options);
    }

    /// <summary>How to run the aiops of this process again: the dotnet host and aiops.dll, or the apphost alone.</summary>
    public static IReadOnlyList<string> ThisAiops()
    {
        var host = Environment.ProcessPath ?? "dotnet";
        var dll = Path.Combine(AppContext.BaseDirectory, "aiops.dll");
        return Path.GetFileNameWithoutExtension(host) == "dotnet" ? [host, dll] : [host];
    }

    public Uri Host(string pathAndQuery) => new($"http://127.0.0.1:{Port(_hostPort)}{pathAndQuery}");

    public Uri Gateway(string pathAndQuery) => new($"http://127.0.0.1:{Port(GatewayPort)}{pathAndQuery}");

    public Task<JsonElement> GetAsync(string pathAndQuery, CancellationToken cancellationToken = default) =>
        Http.GetFromJsonAsync<JsonElement>(Host(pathAndQuery), cancellationToken);

    /// <summary>Waits until /healthz reports the demo running; fails at once if the process exits or the platform fails.</summary>
    public async Task RunningAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        while (await PhaseAsync(cancellationToken).ConfigureAwait(false) is var phase && phase != "running")
        {
            if (phase == "failed")
            {
                throw new InvalidOperationException($"the demo failed to start; see {Path.Combine(DataDirectory, "demo.log")}");
            }

            if (Stopwatch.GetElapsedTime(started) > timeout)
            {
                throw new TimeoutException($"the demo did not run within {timeout.TotalSeconds} s; see {Path.Combine(DataDirectory, "demo.log")}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
            await Process.WaitForExitAsync().ConfigureAwait(false);
        }

        Process.Dispose();
        Http.Dispose();
        lock (_log)
        {
            _logClosed = true;
            _log.Dispose();
        }

        if (!_keepData)
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }

    private async Task<string?> PhaseAsync(CancellationToken cancellationToken)
    {
        if (Process.HasExited)
        {
            throw new InvalidOperationException($"aiops demo exited with code {Process.ExitCode}; see {Path.Combine(DataDirectory, "demo.log")}");
        }

        try
        {
            return (await GetAsync("/healthz", cancellationToken).ConfigureAwait(false)).GetProperty("demo").GetString();
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    private void Write(string? line)
    {
        lock (_log)
        {
            if (line is not null && !_logClosed)
            {
                _log.WriteLine(line);
            }
        }
    }

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
