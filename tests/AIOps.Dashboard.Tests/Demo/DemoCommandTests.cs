using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AIOps.Testing;

namespace AIOps.Dashboard.Tests.Demo;

/// <summary>`aiops demo` as a user runs it: a real process that starts the whole platform and takes it down again.</summary>
public sealed class DemoCommandTests : IAsyncLifetime
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(20) };
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("aiops-demo-").FullName;
    private readonly int _hostPort = LoopbackPort.Free();
    private readonly int _gatewayPort = LoopbackPort.Free();
    private readonly int _registryPort = LoopbackPort.Free();
    private Process _aiops = null!;

    public Task InitializeAsync()
    {
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
        {
            AiopsDll(), "demo", "--qps", "0", "--data-dir", _dataDirectory, "--urls", $"http://127.0.0.1:{_hostPort}",
            "--gateway-port", _gatewayPort.ToString(CultureInfo.InvariantCulture), "--registry-port", _registryPort.ToString(CultureInfo.InvariantCulture),
            "--otlp-http-port", LoopbackPort.Free().ToString(CultureInfo.InvariantCulture), "--otlp-grpc-port", "0",
        })
        {
            info.ArgumentList.Add(argument);
        }

        _aiops = Process.Start(info)!;
        _aiops.BeginOutputReadLine();
        _aiops.BeginErrorReadLine();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (!_aiops.HasExited)
        {
            _aiops.Kill(entireProcessTree: true);
            await _aiops.WaitForExitAsync();
        }

        _aiops.Dispose();
        _http.Dispose();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    [Fact]
    public async Task Demo_ComesUpWithinAMinute_BooksThroughTheGateway_AndSigtermLeavesNoOrphans()
    {
        var started = Stopwatch.GetTimestamp();
        await Poll.UntilAsync(async () => await DemoPhaseAsync() == "running", TimeSpan.FromSeconds(60), "the demo to run");
        Stopwatch.GetElapsedTime(started).Should().BeLessThan(TimeSpan.FromSeconds(60));

        using var booking = await _http.PostAsJsonAsync(new Uri($"http://127.0.0.1:{_gatewayPort}/api/bookings"),
            new { userId = "u12", type = "hotel", itemId = "H-ROM-2", date = "2026-12-30", nights = 3, quantity = 2, cardNumber = "4111111111111111" });
        booking.StatusCode.Should().Be(HttpStatusCode.Created);
        (await booking.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().Should().Be("confirmed");

        // The services' telemetry reaches the host's collector: the booking shows in RED and in the graph.
        await Poll.UntilAsync(
            async () =>
            {
                var graph = await _http.GetFromJsonAsync<JsonElement>(new Uri($"http://127.0.0.1:{_hostPort}/api/v1/graph"));
                return graph.GetProperty("edges").EnumerateArray().Any(e => e.GetProperty("caller").GetString() == "order" && e.GetProperty("callee").GetString() == "payment");
            },
            TimeSpan.FromSeconds(30),
            "the booking's calls in the dependency graph");

        var processes = await _http.GetFromJsonAsync<JsonElement>(new Uri($"http://127.0.0.1:{_hostPort}/api/v1/platform/processes"));
        var pids = processes.EnumerateArray().Select(p => p.GetProperty("pid").GetInt32()).ToList();
        processes.EnumerateArray().Select(p => p.GetProperty("group").GetString()).Distinct().Should()
            .BeEquivalentTo(["registry", "gateway", "user", "hotel", "flight", "order", "payment", "promotion", "notification"]);
        pids.Should().OnlyContain(pid => ProcessProbe.IsAlive(pid));

        using (var term = Process.Start("kill", ["-TERM", _aiops.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync();
        }

        using var exit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _aiops.WaitForExitAsync(exit.Token);
        pids.Should().OnlyContain(pid => !ProcessProbe.IsAlive(pid), "every child stops with the host");
    }

    [Fact]
    public async Task Demo_HostKilledOutright_ChildrenNoticeAndExit()
    {
        await Poll.UntilAsync(async () => await DemoPhaseAsync() == "running", TimeSpan.FromSeconds(60), "the demo to run");
        var processes = await _http.GetFromJsonAsync<JsonElement>(new Uri($"http://127.0.0.1:{_hostPort}/api/v1/platform/processes"));
        var pids = processes.EnumerateArray().Select(p => p.GetProperty("pid").GetInt32()).ToList();

        _aiops.Kill();
        await _aiops.WaitForExitAsync();

        await Poll.UntilAsync(() => pids.All(pid => !ProcessProbe.IsAlive(pid)), TimeSpan.FromSeconds(20), "the orphaned children to exit on their own");
    }

    private async Task<string?> DemoPhaseAsync()
    {
        if (_aiops.HasExited)
        {
            throw new InvalidOperationException($"aiops exited with code {_aiops.ExitCode}");
        }

        try
        {
            var health = await _http.GetFromJsonAsync<JsonElement>(new Uri($"http://127.0.0.1:{_hostPort}/healthz"));
            return health.GetProperty("demo").GetString();
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    private static string AiopsDll()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AIOps.sln")))
            {
                return Path.Combine(dir.FullName, "dashboard", "AIOps.Dashboard", "bin", configuration, "net10.0", "aiops.dll");
            }
        }

        throw new DirectoryNotFoundException("AIOps.sln not found");
    }
}
