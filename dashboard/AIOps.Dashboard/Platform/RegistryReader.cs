using AIOps.Dashboard.Hosting;

namespace AIOps.Dashboard.Platform;

/// <summary>Reads the travel platform's registry over its HTTP API (the host depends on no travel code).</summary>
public sealed class RegistryReader(HttpClient http, AiopsHostOptions options)
{
    public async Task<RegistryView> ReadAsync(CancellationToken cancellationToken)
    {
        if (options.Registry is not { } registry)
        {
            return new RegistryView(false, "no registry configured", []);
        }

        try
        {
            var services = await http.GetFromJsonAsync<Dictionary<string, Snapshot>>(new Uri(registry, "v1/instances/"), cancellationToken).ConfigureAwait(false) ?? [];
            var instances = services.Values.SelectMany(s => s.Instances ?? []).OrderBy(i => i.Service, StringComparer.Ordinal).ThenBy(i => i.InstanceId, StringComparer.Ordinal).ToList();
            return new RegistryView(true, null, instances);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
        {
            return new RegistryView(false, ex.Message, []);
        }
    }

    private sealed record Snapshot(long Index, IReadOnlyList<PlatformInstance>? Instances);
}
