using System.Text.Json;
using AIOps.Dashboard.Platform;

namespace AIOps.Dashboard.Demo;

/// <summary>The demo's chaos: its platform's instances, and faults injected through their admin API.</summary>
public sealed partial class DemoProcess
{
    /// <summary>The registered instances of <paramref name="service"/>, as the host reads the registry.</summary>
    public async Task<IReadOnlyList<PlatformInstance>> InstancesAsync(string service, CancellationToken cancellationToken = default)
    {
        var view = await Http.GetFromJsonAsync<RegistryView>(Host("/api/v1/platform/instances"), JsonSerializerOptions.Web, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("the host answered no registry view");
        return view.Reachable
            ? [.. view.Instances.Where(i => i.Service == service)]
            : throw new InvalidOperationException("the host cannot read the registry: " + view.Error);
    }

    /// <summary>POST /admin/faults on one instance; throws with the instance's answer when it refuses.</summary>
    public async Task InjectFaultAsync(PlatformInstance instance, InstanceFault fault, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        using var response = await Http.PostAsJsonAsync(new Uri(new Uri(instance.Address), "/admin/faults"), fault, JsonSerializerOptions.Web, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw new InvalidOperationException($"{instance.InstanceId} refused the {fault.Kind} fault: {(int)response.StatusCode} {body}");
        }
    }
}
