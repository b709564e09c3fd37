using System.Diagnostics;
using System.Globalization;
using System.Text;
using AIOps.Testing;

namespace AIOps.Collector.Tests.Prometheus;

/// <summary>
/// The real Prometheus binary (the Debian package test.sh installs) on a free loopback port, with a
/// temporary TSDB and a generated configuration; killed and cleaned up on dispose.
/// </summary>
internal sealed class PrometheusServer : IAsyncDisposable
{
    public const string Binary = "/usr/bin/prometheus";
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly string _directory;

    private PrometheusServer(Process process, string directory, int port)
    {
        _process = process;
        _directory = directory;
        Port = port;
    }

    public int Port { get; }

    public string Address => $"127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}";

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts Prometheus with the configuration <paramref name="config"/> builds from its own address.</summary>
    public static PrometheusServer Start(Func<string, string> config)
    {
        if (!File.Exists(Binary))
        {
            throw new InvalidOperationException($"Prometheus is not installed at {Binary}: run ./test.sh, which installs the Debian package 'prometheus', or apt-get install prometheus");
        }

        var directory = Directory.CreateTempSubdirectory("aiops-prometheus-").FullName;
        var port = LoopbackPort.Free();
        var configFile = Path.Combine(directory, "prometheus.yml");
        File.WriteAllText(configFile, config($"127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}"));
        var info = new ProcessStartInfo(Binary)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
        {
            $"--config.file={configFile}",
            $"--storage.tsdb.path={Path.Combine(directory, "data")}",
            $"--web.listen-address=127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}",
        })
        {
            info.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = info };
        var server = new PrometheusServer(process, directory, port);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    public bool HasExited => _process.HasExited;

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the system's temp cleaning.
        }
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}
