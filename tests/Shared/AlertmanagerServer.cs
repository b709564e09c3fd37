namespace AIOps.Testing;

/// <summary>The real Alertmanager 0.25 (Debian's prometheus-alertmanager) on a free loopback port, gossip off.</summary>
public static class AlertmanagerServer
{
    public const string Binary = "/usr/bin/prometheus-alertmanager";

    /// <summary>Starts Alertmanager with <paramref name="config"/> (a route and receivers, YAML).</summary>
    public static LoopbackServerProcess Start(string config) =>
        LoopbackServerProcess.Start(Binary, "prometheus-alertmanager", (port, directory) =>
        {
            var configFile = Path.Combine(directory, "alertmanager.yml");
            File.WriteAllText(configFile, config);
            return
            [
                $"--config.file={configFile}",
                $"--storage.path={Path.Combine(directory, "data")}",
                $"--web.listen-address=127.0.0.1:{port}",
                "--cluster.listen-address=",
            ];
        });

    public const string Blackhole = """
        route:
          receiver: blackhole
        receivers:
          - name: blackhole
        """;

    /// <summary>Replaces the configuration of a running Alertmanager (its /-/reload), e.g. once a receiver's address is known.</summary>
    public static async Task ReconfigureAsync(LoopbackServerProcess server, HttpClient http, string config)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(http);
        await File.WriteAllTextAsync(Path.Combine(server.Directory, "alertmanager.yml"), config);
        using var response = await http.PostAsync("-/reload", null);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"alertmanager refused the configuration: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>Waits until Alertmanager answers its readiness probe.</summary>
    public static async Task<HttpClient> ReadyAsync(LoopbackServerProcess server)
    {
        var http = new HttpClient { BaseAddress = new Uri($"http://{server.Address}/") };
        await Poll.UntilAsync(async () =>
        {
            if (server.HasExited)
            {
                throw new InvalidOperationException("alertmanager exited: " + server.Output);
            }

            try
            {
                using var response = await http.GetAsync("-/ready");
                return response.IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(30), "alertmanager to be ready");
        return http;
    }
}
