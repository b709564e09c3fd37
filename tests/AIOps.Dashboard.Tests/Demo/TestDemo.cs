using AIOps.Dashboard.Demo;
using AIOps.Dashboard.Tests.Hosting;
using AIOps.Testing;

namespace AIOps.Dashboard.Tests.Demo;

/// <summary>The tests' <see cref="DemoProcess"/>: this build's aiops, a fresh temporary data directory, deleted afterwards.</summary>
internal static class TestDemo
{
    /// <param name="options">More `aiops demo` options, e.g. "--qps", "0".</param>
    public static DemoProcess Start(params string[] options) =>
        // AIOPS_TEST_KEEP_DATA=1 keeps the store and the logs for a look after a failure.
        DemoProcess.Start(["dotnet", AiopsProcess.Dll()], Directory.CreateTempSubdirectory("aiops-demo-").FullName, Environment.GetEnvironmentVariable("AIOPS_TEST_KEEP_DATA") == "1", options);

    /// <summary>Waits until nine in ten of the analysis's indicators have warmed up, so that a fault injected next is judged.</summary>
    public static Task DetectorsWarmAsync(this DemoProcess demo) =>
        Poll.UntilAsync(async () => await demo.GetAsync("/api/v1/analysis") is var status
            && status.GetProperty("indicators").GetInt32() is > 0 and var all && status.GetProperty("warmIndicators").GetInt32() >= all * 0.9,
            TimeSpan.FromMinutes(15), "the detectors to warm up");
}
