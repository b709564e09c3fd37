using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AIOps.Remediator.Drivers.Kubernetes;

/// <summary>
/// Remediation on Kubernetes: each service is the Deployment of its name, its pods carry
/// <c>app.kubernetes.io/name=&lt;service&gt;</c>, and an HPA of the same name may manage it. Scaling goes through the
/// <c>scale</c> subresource, or through the HPA's <c>minReplicas</c> when an HPA manages the Deployment (it would undo a
/// direct scale); a rolling restart patches the pod template's <c>kubectl.kubernetes.io/restartedAt</c> annotation, as
/// <c>kubectl rollout restart</c> does; an instance restart deletes the pod, which its ReplicaSet replaces.
/// </summary>
public sealed class KubernetesDriver(KubernetesApi api, TimeProvider time) : IRemediationDriver
{
    public const string RestartedAt = "kubectl.kubernetes.io/restartedAt";

    /// <summary>The connection <paramref name="options"/> name: a kubeconfig's current context, or the pod's service account; the namespace overridden when set.</summary>
    public static KubernetesConnection Connection(RemediationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var connection = options.Kubeconfig is { } kubeconfig ? KubernetesConnection.FromKubeconfig(kubeconfig, options.KubernetesNamespace) : KubernetesConnection.InCluster();
        return options.KubernetesNamespace is { } space && space != connection.Namespace
            ? new KubernetesConnection
            {
                Server = connection.Server, Namespace = space, Token = connection.Token,
                CertificateAuthority = connection.CertificateAuthority, ClientCertificate = connection.ClientCertificate,
            }
            : connection;
    }

    /// <summary>A driver over the API server <paramref name="options"/> name (see <see cref="Connection"/>).</summary>
    public static KubernetesDriver Connect(RemediationOptions options, TimeProvider time)
    {
        var connection = Connection(options);
        var http = new HttpClient(KubernetesApi.Handler(connection)) { Timeout = TimeSpan.FromSeconds(30) };
        return new KubernetesDriver(new KubernetesApi(http, connection), time);
    }
    public const string NameLabel = "app.kubernetes.io/name";

    public string Name => "kubernetes";

    private string Deployment(string service) => $"/apis/apps/v1/namespaces/{api.Namespace}/deployments/{Uri.EscapeDataString(service)}";

    private string Hpa(string service) => $"/apis/autoscaling/v2/namespaces/{api.Namespace}/horizontalpodautoscalers/{Uri.EscapeDataString(service)}";

    private string Pods => $"/api/v1/namespaces/{api.Namespace}/pods";

    public async Task<ServiceReplicas> ReplicasAsync(string service, CancellationToken cancellationToken)
    {
        var deployment = await api.GetAsync(Deployment(service), cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"no deployment {service} in namespace {api.Namespace}");
        var pods = await api.GetAsync($"{Pods}?labelSelector={Uri.EscapeDataString($"{NameLabel}={service}")}", cancellationToken).ConfigureAwait(false);
        var hpa = await api.GetAsync(Hpa(service), cancellationToken).ConfigureAwait(false);
        var names = pods is { } list && list.TryGetProperty("items", out var items)
            ? items.EnumerateArray().Select(p => p.GetProperty("metadata").GetProperty("name").GetString()!).Order(StringComparer.Ordinal).ToList()
            : [];
        return new ServiceReplicas(
            Int(deployment, "spec", "replicas") ?? 1,
            Int(deployment, "status", "readyReplicas") ?? 0,
            names,
            hpa is { } h ? Int(h, "spec", "minReplicas") ?? 1 : null);
    }

    public async Task<IReadOnlyList<string>> ScaleAsync(string service, int replicas, bool dryRun, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(replicas);
        if (await api.GetAsync(Hpa(service), cancellationToken).ConfigureAwait(false) is { } hpa)
        {
            return [await PatchFloorAsync(service, hpa, replicas, dryRun, cancellationToken).ConfigureAwait(false)];
        }

        var body = new JsonObject { ["spec"] = new JsonObject { ["replicas"] = replicas } };
        return [await api.PatchAsync(Deployment(service) + "/scale", KubernetesApi.MergePatch, body, dryRun, cancellationToken).ConfigureAwait(false)];
    }

    public async Task<IReadOnlyList<string>> SetFloorAsync(string service, int floor, bool dryRun, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(floor, 1);
        if (await api.GetAsync(Hpa(service), cancellationToken).ConfigureAwait(false) is { } hpa)
        {
            return [await PatchFloorAsync(service, hpa, floor, dryRun, cancellationToken).ConfigureAwait(false)];
        }

        var current = await ReplicasAsync(service, cancellationToken).ConfigureAwait(false);
        return current.Desired == floor ? [] : await ScaleAsync(service, floor, dryRun, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<string>> RestartInstanceAsync(string service, string instance, bool dryRun, CancellationToken cancellationToken)
    {
        var pod = await api.GetAsync($"{Pods}/{Uri.EscapeDataString(instance)}", cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"no pod {instance} in namespace {api.Namespace}");
        if (!pod.TryGetProperty("metadata", out var metadata) || !metadata.TryGetProperty("labels", out var labels)
            || !labels.TryGetProperty(NameLabel, out var name) || name.GetString() != service)
        {
            throw new InvalidOperationException($"pod {instance} is not an instance of {service} (label {NameLabel})");
        }

        return [await api.DeleteAsync($"{Pods}/{Uri.EscapeDataString(instance)}", dryRun, cancellationToken).ConfigureAwait(false)];
    }

    public async Task<IReadOnlyList<string>> RollingRestartAsync(string service, int minHealthy, bool dryRun, CancellationToken cancellationToken)
    {
        var current = await ReplicasAsync(service, cancellationToken).ConfigureAwait(false);
        if (current.Ready < minHealthy)
        {
            throw new InvalidOperationException($"{service} has {current.Ready} ready replicas; a restart would need at least min_healthy {minHealthy}");
        }

        var body = new JsonObject
        {
            ["spec"] = new JsonObject
            {
                ["template"] = new JsonObject
                {
                    ["metadata"] = new JsonObject
                    {
                        ["annotations"] = new JsonObject { [RestartedAt] = time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) },
                    },
                },
            },
        };
        return [await api.PatchAsync(Deployment(service), KubernetesApi.StrategicMergePatch, body, dryRun, cancellationToken).ConfigureAwait(false)];
    }

    private async Task<string> PatchFloorAsync(string service, JsonElement hpa, int floor, bool dryRun, CancellationToken cancellationToken)
    {
        var max = Int(hpa, "spec", "maxReplicas") ?? int.MaxValue;
        var body = new JsonObject { ["spec"] = new JsonObject { ["minReplicas"] = Math.Clamp(floor, 1, max) } };
        return await api.PatchAsync(Hpa(service), KubernetesApi.MergePatch, body, dryRun, cancellationToken).ConfigureAwait(false);
    }

    private static int? Int(JsonElement resource, string section, string field) =>
        resource.TryGetProperty(section, out var s) && s.TryGetProperty(field, out var f) && f.ValueKind == JsonValueKind.Number ? f.GetInt32() : null;
}
