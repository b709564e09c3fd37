using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AIOps.Dashboard.Demo;
using AIOps.Testing;

namespace AIOps.Dashboard.Tests.Demo;

/// <summary>`aiops demo` as a user runs it: a real process that starts the whole platform and takes it down again.</summary>
public sealed class DemoCommandTests : IAsyncLifetime
{
    private DemoProcess _demo = null!;

    public Task InitializeAsync()
    {
        _demo = TestDemo.Start("--qps", "0");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _demo.DisposeAsync();

    [Fact]
    public async Task Demo_ComesUpWithinAMinute_BooksThroughTheGateway_AndSigtermLeavesNoOrphans()
    {
        var started = Stopwatch.GetTimestamp();
        await _demo.RunningAsync(TimeSpan.FromSeconds(60));
        Stopwatch.GetElapsedTime(started).Should().BeLessThan(TimeSpan.FromSeconds(60));

        using var booking = await _demo.Http.PostAsJsonAsync(_demo.Gateway("/api/bookings"),
            new { userId = "u12", type = "hotel", itemId = "H-ROM-2", date = "2026-12-30", nights = 3, quantity = 2, cardNumber = "4111111111111111" });
        booking.StatusCode.Should().Be(HttpStatusCode.Created);
        (await booking.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().Should().Be("confirmed");

        // The services' telemetry reaches the host's collector: the booking shows in RED and in the graph.
        await Poll.UntilAsync(
            async () =>
            {
                var graph = await _demo.GetAsync("/api/v1/graph");
                return graph.GetProperty("edges").EnumerateArray().Any(e => e.GetProperty("caller").GetString() == "order" && e.GetProperty("callee").GetString() == "payment");
            },
            TimeSpan.FromSeconds(30),
            "the booking's calls in the dependency graph");

        var processes = await _demo.GetAsync("/api/v1/platform/processes");
        var pids = processes.EnumerateArray().Select(p => p.GetProperty("pid").GetInt32()).ToList();
        processes.EnumerateArray().Select(p => p.GetProperty("group").GetString()).Distinct().Should()
            .BeEquivalentTo(["registry", "gateway", "user", "hotel", "flight", "order", "payment", "promotion", "notification"]);
        pids.Should().OnlyContain(pid => ProcessProbe.IsAlive(pid));

        using (var term = Process.Start("kill", ["-TERM", _demo.Process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync();
        }

        using var exit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _demo.Process.WaitForExitAsync(exit.Token);
        pids.Should().OnlyContain(pid => !ProcessProbe.IsAlive(pid), "every child stops with the host");
    }

    [Fact]
    public async Task Demo_HostKilledOutright_ChildrenNoticeAndExit()
    {
        await _demo.RunningAsync(TimeSpan.FromSeconds(60));
        var processes = await _demo.GetAsync("/api/v1/platform/processes");
        var pids = processes.EnumerateArray().Select(p => p.GetProperty("pid").GetInt32()).ToList();

        _demo.Process.Kill();
        await _demo.Process.WaitForExitAsync();

        await Poll.UntilAsync(() => pids.All(pid => !ProcessProbe.IsAlive(pid)), TimeSpan.FromSeconds(20), "the orphaned children to exit on their own");
    }
}
