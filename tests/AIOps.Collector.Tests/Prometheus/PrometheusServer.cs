using System.Globalization;
using AIOps.Testing;

namespace AIOps.Collector.Tests.Prometheus;

/// <summary>The real Prometheus binary on a free loopback port, with a temporary TSDB and a generated configuration.</summary>
internal static class PrometheusServer
{
    public const string Binary = "/usr/bin/prometheus";

    /// <summary>Starts Prometheus with the configuration <paramref name="config"/> builds from its own address.</summary>
    public static LoopbackServerProcess Start(Func<string, string> config) =>
        LoopbackServerProcess.Start(Binary, "prometheus", (port, directory) =>
        {
            var address = $"127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";
            var configFile = Path.Combine(directory, "prometheus.yml");
            File.WriteAllText(configFile, config(address));
            return [$"--config.file={configFile}", $"--storage.tsdb.path={Path.Combine(directory, "data")}", $"--web.listen-address={address}"];
        });
}
