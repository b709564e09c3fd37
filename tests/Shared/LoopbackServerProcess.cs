using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace AIOps.Testing;

/// <summary>
/// A real server binary (a Debian package test.sh installs: Prometheus, Alertmanager) on a free loopback port, in a
/// temporary directory of its own, with its output kept for failure messages; killed and cleaned up on dispose.
/// </summary>
public sealed class LoopbackServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private LoopbackServerProcess(Process process, string directory, int port)
    {
        _process = process;
        Directory = directory;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The server's own temporary directory (configuration and data).</summary>
    public string Directory { get; }

    public string Address => $"127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}";

    public bool HasExited => _process.HasExited;

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

    /// <summary>
    /// Starts <paramref name="binary"/> with the arguments <paramref name="arguments"/> builds from the free port and the
    /// directory; <paramref name="package"/> names the Debian package in the message when the binary is missing.
    /// </summary>
    public static LoopbackServerProcess Start(string binary, string package, Func<int, string, IEnumerable<string>> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        if (!File.Exists(binary))
        {
            throw new InvalidOperationException($"{binary} is not installed: run ./test.sh, which installs the Debian package '{package}', or apt-get install {package}");
        }

        var directory = System.IO.Directory.CreateTempSubdirectory("aiops-" + package + "-").FullName;
        var port = LoopbackPort.Free();
        var info = new ProcessStartInfo(binary) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments(port, directory))
        {
            info.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = info };
        var server = new LoopbackServerProcess(process, directory, port);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync().ConfigureAwait(false);
        _process.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
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
