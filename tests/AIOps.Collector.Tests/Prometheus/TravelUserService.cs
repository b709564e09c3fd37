using System.Globalization;
using System.Text.Json;
using AIOps.Testing;
using AIOps.Travel.Tests.Platform;

namespace AIOps.Collector.Tests.Prometheus;

/// <summary>
/// A real travel registry and one real `travel serve user` replica (the executable built from this
/// checkout, OTLP export off), shared by the tests of a class and killed at the end.
/// </summary>
public sealed class TravelUserService : IAsyncLifetime
{
    public const string InstanceId = "user-1";
    private readonly string _data = Directory.CreateTempSubdirectory("aiops-scrape-").FullName;
    private readonly int _registryPort = LoopbackPort.Free();
    private TravelProcess? _registry;
    private TravelProcess? _user;

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    public Uri Registry => new($"http://127.0.0.1:{_registryPort.ToString(CultureInfo.InvariantCulture)}/");

    /// <summary>The replica's base URL as it registered it.</summary>
    public Uri Address { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var parent = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        _registry = TravelProcess.Start("registry", [TravelDll.Path, "registry", "--port", _registryPort.ToString(CultureInfo.InvariantCulture), "--otlp", "none", "--parent-pid", parent]);
        await Poll.UntilAsync(() => AnswersAsync(new Uri(Registry, "healthz")), TimeSpan.FromSeconds(30), "the travel registry");
        _user = TravelProcess.Start(InstanceId, [TravelDll.Path, "serve", "user", "--registry", Registry.ToString(), "--data-dir", _data, "--instance-id", InstanceId, "--otlp", "none", "--parent-pid", parent]);
        await Poll.UntilAsync(async () => _user.HasExited || await RegisteredAddressAsync() is not null, TimeSpan.FromSeconds(30), $"{InstanceId} to register");
        if (_user.HasExited)
        {
            throw new InvalidOperationException($"{InstanceId} exited with {_user.ExitCode}: {_user.Output}");
        }

        Address = (await RegisteredAddressAsync())!;
    }

    public async Task DisposeAsync()
    {
        foreach (var process in new[] { _user, _registry })
        {
            if (process is not null)
            {
                await process.DisposeAsync();
            }
        }

        Http.Dispose();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // Left for the system's temp cleaning.
        }
    }

    private async Task<Uri?> RegisteredAddressAsync()
    {
        using var document = JsonDocument.Parse(await Http.GetStringAsync(new Uri(Registry, "v1/instances/")));
        if (!document.RootElement.TryGetProperty("user", out var user))
        {
            return null;
        }

        var instance = user.GetProperty("instances").EnumerateArray().FirstOrDefault(i => i.GetProperty("instanceId").GetString() == InstanceId);
        return instance.ValueKind == JsonValueKind.Object ? new Uri(instance.GetProperty("address").GetString()!.TrimEnd('/') + "/") : null;
    }

    private async Task<bool> AnswersAsync(Uri url)
    {
        try
        {
            using var response = await Http.GetAsync(url);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
