using System.Diagnostics;
using System.Globalization;
using System.Text;
using AIOps.Testing;

namespace AIOps.Dashboard.Tests.Hosting;

/// <summary>`dotnet aiops.dll ...` as a child process, with its output kept for failure messages.</summary>
public sealed class AiopsProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private AiopsProcess(Process process) => _process = process;

    public int Pid => _process.Id;

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

    public static AiopsProcess Start(params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Dll());
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = info };
        var aiops = new AiopsProcess(process);
        process.OutputDataReceived += (_, e) => aiops.Append(e.Data);
        process.ErrorDataReceived += (_, e) => aiops.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return aiops;
    }

    /// <summary>`aiops serve` on free loopback ports over <paramref name="dataDirectory"/>; returns it with its UI and OTLP/HTTP ports.</summary>
    public static (AiopsProcess Process, int UiPort, int OtlpPort) Serve(string dataDirectory, int? uiPort = null, int? otlpPort = null)
    {
        var ui = uiPort ?? LoopbackPort.Free();
        var otlp = otlpPort ?? LoopbackPort.Free();
        var process = Start("serve", "--urls", $"http://127.0.0.1:{ui.ToString(CultureInfo.InvariantCulture)}", "--data-dir", dataDirectory,
            "--otlp-http-port", otlp.ToString(CultureInfo.InvariantCulture), "--otlp-grpc-port", "0");
        return (process, ui, otlp);
    }

    /// <summary>SIGKILL: no shutdown code runs, as in a crash or an OOM kill.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    internal static string Dll()
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
