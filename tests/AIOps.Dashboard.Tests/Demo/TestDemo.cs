using AIOps.Dashboard.Demo;
using AIOps.Dashboard.Tests.Hosting;

namespace AIOps.Dashboard.Tests.Demo;

/// <summary>The tests' <see cref="DemoProcess"/>: this build's aiops, a fresh temporary data directory, deleted afterwards.</summary>
internal static class TestDemo
{
    /// <param name="options">More `aiops demo` options, e.g. "--qps", "0".</param>
    public static DemoProcess Start(params string[] options) =>
        // AIOPS_TEST_KEEP_DATA=1 keeps the store and the logs for a look after a failure.
        DemoProcess.Start(["dotnet", AiopsProcess.Dll()], Directory.CreateTempSubdirectory("aiops-demo-").FullName, Environment.GetEnvironmentVariable("AIOPS_TEST_KEEP_DATA") == "1", options);
}
