using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using AIOps.Dashboard.Tests.Hosting;
using AIOps.Testing;

namespace AIOps.Dashboard.Tests.Demo;

/// <summary>
/// A real `aiops demo` process on free loopback ports with its own data directory, as a user starts it; the tests
/// talk to it over HTTP only. Disposing kills the process tree and deletes the data.
/// </summary>
internal sealed class DemoProcess : IAsyncDisposable
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("aiops-demo-").FullName;
    private readonly int _hostPort = LoopbackPort.Free();

    private DemoProcess(IEnumerable<string> options)
    {
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
        {
            AiopsProcess.Dll(), "demo", "--data-dir", _dataDirectory, "--urls", $"http://127.0.0.1:{_hostPort}",
            "--gateway-port", GatewayPort.ToString(CultureInfo.InvariantCulture), "--registry-port", LoopbackPort.Free().ToString(CultureInfo.InvariantCulture),
            "--otlp-http-port", LoopbackPort.Free().ToString(CultureInfo.InvariantCulture), "--otlp-grpc-port", "0",
        }.Concat(options))
        {
            info.ArgumentList.Add(argument);
        }

        Process = Process.Start(info)!;
        Process.BeginOutputReadLine();
        Process.BeginErrorReadLine();
    }

    public Process Process { get; }

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(20) };

    public int GatewayPort { get; } = LoopbackPort.Free();

    /// <summary>The load generator's progress log (one line per 30 s, "FLASH SALE" while one is on).</summary>
    public string LoadLog => Path.Combine(_dataDirectory, "demo", "logs", "load.log");

    /// <param name="options">More `aiops demo` options, e.g. "--qps", "0".</param>
    public static DemoProcess Start(params string[] options) => new(options);

    public Uri Host(string pathAndQuery) => new($"http://127.0.0.1:{_hostPort}{pathAndQuery}");

    public Uri Gateway(string pathAndQuery) => new($"http://127.0.0.1:{GatewayPort}{pathAndQuery}");

    public Task<JsonElement> GetAsync(string pathAndQuery) => Http.GetFromJsonAsync<JsonElement>(Host(pathAndQuery));

    /// <summary>Waits until /healthz reports the demo running.</summary>
    public Task RunningAsync(TimeSpan timeout) => Poll.UntilAsync(async () => await PhaseAsync() == "running", timeout, "the demo to run");

    public async ValueTask DisposeAsync()
    {
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
            await Process.WaitForExitAsync();
        }

        Process.Dispose();
        Http.Dispose();
        // AIOPS_TEST_KEEP_DATA=1 keeps the store and the logs for a look after a failure.
        if (Environment.GetEnvironmentVariable("AIOPS_TEST_KEEP_DATA") != "1")
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    private async Task<string?> PhaseAsync()
    {
        if (Process.HasExited)
        {
            throw new InvalidOperationException($"aiops exited with code {Process.ExitCode}");
        }

        try
        {
            return (await GetAsync("/healthz")).GetProperty("demo").GetString();
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }
}
