using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AIOps.Testing;
using AIOps.Travel.Discovery;

namespace AIOps.Travel.Tests.Platform;

/// <summary>
/// Real travel processes for a test: a registry and whichever services the test asks for, each its own
/// `dotnet travel.dll` process on loopback, all killed when the platform is disposed.
/// </summary>
public sealed class TravelPlatform : IAsyncDisposable
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);
    private readonly List<TravelProcess> _processes = [];
    private readonly string _otlp;

    private TravelPlatform(string otlp)
    {
        _otlp = otlp;
        DataDirectory = Directory.CreateTempSubdirectory("aiops-travel-").FullName;
        RegistryPort = LoopbackPort.Free();
        GatewayPort = LoopbackPort.Free();
        Http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
    }

    public string DataDirectory { get; }

    public int RegistryPort { get; }

    public int GatewayPort { get; }

    public Uri Registry => new($"http://127.0.0.1:{RegistryPort.ToString(CultureInfo.InvariantCulture)}/");

    public Uri Gateway => new($"http://127.0.0.1:{GatewayPort.ToString(CultureInfo.InvariantCulture)}/");

    public HttpClient Http { get; }

    public IReadOnlyList<TravelProcess> Processes => _processes;

    /// <summary>Starts the registry; <paramref name="otlp"/> is an OTLP endpoint or "none".</summary>
    public static async Task<TravelPlatform> StartAsync(string otlp = "none")
    {
        var platform = new TravelPlatform(otlp);
        platform.Launch("registry", ["registry", "--port", platform.RegistryPort.ToString(CultureInfo.InvariantCulture)]);
        await Poll.UntilAsync(() => platform.AnswersAsync(new Uri(platform.Registry, "healthz")), TimeSpan.FromSeconds(30), "the registry").ConfigureAwait(false);
        return platform;
    }

    /// <summary>Starts one replica and waits until it is registered.</summary>
    public async Task<TravelProcess> StartServiceAsync(string service, string instanceId, params string[] extra)
    {
        List<string> arguments = ["serve", service, "--registry", Registry.ToString(), "--data-dir", DataDirectory, "--instance-id", instanceId, "--metric-interval", "1"];
        if (service == "gateway")
        {
            arguments.AddRange(["--port", GatewayPort.ToString(CultureInfo.InvariantCulture)]);
        }

        arguments.AddRange(extra);
        var process = Launch(instanceId, arguments);
        await Poll.UntilAsync(async () => (await InstancesAsync(service).ConfigureAwait(false)).Any(i => i.InstanceId == instanceId) || process.HasExited, TimeSpan.FromSeconds(30), $"{instanceId} to register").ConfigureAwait(false);
        if (process.HasExited)
        {
            throw new InvalidOperationException($"{instanceId} exited with {process.ExitCode}: {process.Output}");
        }

        return process;
    }

    public async Task<IReadOnlyList<ServiceInstance>> InstancesAsync(string service)
    {
        var snapshot = await Http.GetFromJsonAsync<RegistrySnapshot>(new Uri(Registry, $"v1/instances/{service}"), s_json).ConfigureAwait(false);
        return snapshot?.Instances ?? [];
    }

    public async Task<ServiceInstance> InstanceAsync(string instanceId)
    {
        var all = await Http.GetFromJsonAsync<Dictionary<string, RegistrySnapshot>>(new Uri(Registry, "v1/instances/"), s_json).ConfigureAwait(false);
        return all!.Values.SelectMany(s => s.Instances).Single(i => i.InstanceId == instanceId);
    }

    /// <summary>Injects a fault into one instance through its admin API and returns the fault id.</summary>
    public async Task<string> InjectAsync(string instanceId, object fault)
    {
        var instance = await InstanceAsync(instanceId).ConfigureAwait(false);
        using var response = await Http.PostAsJsonAsync(new Uri(new Uri(instance.Address), "/admin/faults"), fault).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"inject failed: {(int)response.StatusCode} {body}");
        }

        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
    }

    public async Task ClearFaultsAsync(string instanceId)
    {
        var instance = await InstanceAsync(instanceId).ConfigureAwait(false);
        using var response = await Http.DeleteAsync(new Uri(new Uri(instance.Address), "/admin/faults")).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes)
        {
            process.Kill();
        }

        foreach (var process in _processes)
        {
            await process.DisposeAsync().ConfigureAwait(false);
        }

        Http.Dispose();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a dying process: the temp folder is cleaned by the system.
        }
    }

    private TravelProcess Launch(string name, List<string> arguments)
    {
        arguments.Insert(0, TravelDll.Path);
        if (arguments[1] is "serve" or "registry")
        {
            arguments.AddRange(["--otlp", _otlp, "--parent-pid", Environment.ProcessId.ToString(CultureInfo.InvariantCulture)]);
        }

        var process = TravelProcess.Start(name, arguments);
        _processes.Add(process);
        return process;
    }

    private async Task<bool> AnswersAsync(Uri url)
    {
        try
        {
            using var response = await Http.GetAsync(url).ConfigureAwait(false);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
