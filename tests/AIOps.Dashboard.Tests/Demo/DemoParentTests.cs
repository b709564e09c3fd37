using System.Diagnostics;
using System.Globalization;
using AIOps.Dashboard.Demo;
using AIOps.Testing;

namespace AIOps.Dashboard.Tests.Demo;

/// <summary>A program driving `aiops demo` (eval chaos, a test run) killed outright leaves nothing running.</summary>
public sealed class DemoParentTests : IAsyncLifetime
{
    // Stands in for the driver: the demo is told to watch it.
    private readonly Process _driver = Process.Start(new ProcessStartInfo("sleep", "600") { UseShellExecute = false })!;
    private DemoProcess _demo = null!;

    public Task InitializeAsync()
    {
        _demo = TestDemo.Start("--qps", "0", "--parent-pid", _driver.Id.ToString(CultureInfo.InvariantCulture));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (!_driver.HasExited)
        {
            _driver.Kill();
        }

        _driver.Dispose();
        await _demo.DisposeAsync();
    }

    [Fact]
    public async Task DriverKilledOutright_TheDemoStopsAndTakesThePlatformWithIt()
    {
        await _demo.RunningAsync(TimeSpan.FromSeconds(60));
        var processes = await _demo.GetAsync("/api/v1/platform/processes");
        var pids = processes.EnumerateArray().Select(p => p.GetProperty("pid").GetInt32()).ToList();
        pids.Should().NotBeEmpty().And.OnlyContain(pid => ProcessProbe.IsAlive(pid));

        _driver.Kill();
        await _driver.WaitForExitAsync();

        using var exit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _demo.Process.WaitForExitAsync(exit.Token);
        await Poll.UntilAsync(() => pids.All(pid => !ProcessProbe.IsAlive(pid)), TimeSpan.FromSeconds(20), "the platform's processes to stop with the demo");
        File.ReadAllText(Path.Combine(_demo.DataDirectory, "demo.log")).Should().Contain($"process {_driver.Id}, which started the demo, is gone; stopping");
    }
}
