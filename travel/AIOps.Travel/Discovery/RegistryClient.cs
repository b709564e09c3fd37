using System.Globalization;

namespace AIOps.Travel.Discovery;

/// <summary>HTTP client of the registry API; one per process, shared by registration and watches.</summary>
internal sealed class RegistryClient(HttpClient http)
{
    public Uri BaseAddress => http.BaseAddress!;

    public async Task RegisterAsync(ServiceInstance instance, CancellationToken cancellationToken)
    {
        var body = new RegistrationRequest(instance.Address, instance.Version, instance.Weight, instance.Pid);
        using var response = await http.PutAsJsonAsync(InstancePath(instance.Service, instance.InstanceId), body, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
    }

    public async Task DeregisterAsync(string service, string instanceId, CancellationToken cancellationToken)
    {
        using var response = await http.DeleteAsync(InstancePath(service, instanceId), cancellationToken).ConfigureAwait(false);
        // 404: already evicted; either way the instance is gone.
    }

    /// <summary>A blocking query: returns when the registry index passes <paramref name="index"/> or after <paramref name="wait"/>.</summary>
    public async Task<RegistrySnapshot> WatchAsync(string service, long index, TimeSpan wait, CancellationToken cancellationToken)
    {
        var path = string.Create(CultureInfo.InvariantCulture, $"v1/instances/{Uri.EscapeDataString(service)}?index={index}&wait={(int)wait.TotalSeconds}s");
        var snapshot = await http.GetFromJsonAsync<RegistrySnapshot>(path, cancellationToken).ConfigureAwait(false);
        return snapshot ?? new RegistrySnapshot(index, []);
    }

    public async Task<IReadOnlyDictionary<string, RegistrySnapshot>> GetAllAsync(CancellationToken cancellationToken)
    {
        var all = await http.GetFromJsonAsync<Dictionary<string, RegistrySnapshot>>("v1/instances/", cancellationToken).ConfigureAwait(false);
        return all ?? [];
    }

    private static string InstancePath(string service, string instanceId) =>
        $"v1/instances/{Uri.EscapeDataString(service)}/{Uri.EscapeDataString(instanceId)}";
}
