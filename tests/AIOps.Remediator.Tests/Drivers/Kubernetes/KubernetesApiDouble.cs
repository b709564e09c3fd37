using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using AIOps.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace AIOps.Remediator.Tests.Drivers.Kubernetes;

/// <summary>
/// A stand-in for the Kubernetes API server on loopback, strict where the real one is: a bearer token is required
/// (401), PATCH needs a patch content type (415), bodies must be JSON objects of the right shape (400/422),
/// <c>dryRun</c> may only be <c>All</c> and changes nothing, and unknown resources are 404 Status objects. It holds one
/// namespace of deployments, pods and HPAs, records every request, and can answer the next patches with 409.
/// </summary>
public sealed class KubernetesApiDouble : IAsyncDisposable
{
    public const string Token = "test-token";
    public const string Namespace = "travel";
    private static readonly string[] s_patchTypes = ["application/merge-patch+json", "application/strategic-merge-patch+json", "application/json-patch+json", "application/apply-patch+yaml"];

    private readonly WebApplication _app;

    private KubernetesApiDouble(WebApplication app) => _app = app;

    public Uri Server => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");

    /// <summary>Deployment name -> (replicas, ready replicas, template annotations).</summary>
    public ConcurrentDictionary<string, (int Replicas, int Ready, Dictionary<string, string> Annotations)> Deployments { get; } = new();

    /// <summary>Pod name -> the service its app.kubernetes.io/name label names.</summary>
    public ConcurrentDictionary<string, string> Pods { get; } = new();

    /// <summary>HPA name -> (min, max).</summary>
    public ConcurrentDictionary<string, (int Min, int Max)> Hpas { get; } = new();

    public ConcurrentQueue<(string Method, string PathAndQuery, string? ContentType, string Body)> Requests { get; } = new();

    /// <summary>How many of the next PATCH requests get 409 Conflict.</summary>
    public int ConflictsToAnswer { get; set; }

    public static async Task<KubernetesApiDouble> StartAsync()
    {
        KubernetesApiDouble? self = null;
        var app = await LoopbackApp.StartAsync(a => a.Run(context => self!.HandleAsync(context))).ConfigureAwait(false);
        self = new KubernetesApiDouble(app);
        return self;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync().ConfigureAwait(false);
        Requests.Enqueue((request.Method, request.Path + request.QueryString, request.ContentType, body));
        if (request.Headers.Authorization.ToString() != "Bearer " + Token)
        {
            await StatusAsync(context, 401, "Unauthorized", "Unauthorized").ConfigureAwait(false);
            return;
        }

        var dryRun = request.Query["dryRun"].ToString();
        if (dryRun.Length > 0 && dryRun != "All")
        {
            await StatusAsync(context, 400, "BadRequest", $"Invalid dry run value: {dryRun}").ConfigureAwait(false);
            return;
        }

        var parts = request.Path.Value!.Trim('/').Split('/');
        var result = (request.Method, parts) switch
        {
            ("GET", ["apis", "apps", "v1", "namespaces", Namespace, "deployments", var name]) => Deployment(name),
            ("GET", ["api", "v1", "namespaces", Namespace, "pods"]) => PodList(request.Query["labelSelector"].ToString()),
            ("GET", ["api", "v1", "namespaces", Namespace, "pods", var name]) => Pods.TryGetValue(name, out var service) ? Pod(name, service) : null,
            ("GET", ["apis", "autoscaling", "v2", "namespaces", Namespace, "horizontalpodautoscalers", var name]) => Hpas.TryGetValue(name, out var h) ? Hpa(name, h) : null,
            ("DELETE", ["api", "v1", "namespaces", Namespace, "pods", var name]) => Pods.TryGetValue(name, out var service)
                ? Then(Pod(name, service), () => dryRun.Length > 0 || Pods.TryRemove(name, out _))
                : null,
            ("PATCH", _) => await PatchAsync(context, parts, body, dryRun.Length > 0).ConfigureAwait(false),
            _ => null,
        };
        if (context.Response.HasStarted)
        {
            return;
        }

        if (result is null)
        {
            await StatusAsync(context, 404, "NotFound", $"\"{parts[^1]}\" not found").ConfigureAwait(false);
            return;
        }

        await context.Response.WriteAsJsonAsync(result).ConfigureAwait(false);
    }

    private async Task<JsonObject?> PatchAsync(HttpContext context, string[] parts, string body, bool dryRun)
    {
        if (!s_patchTypes.Contains(context.Request.ContentType))
        {
            await StatusAsync(context, 415, "UnsupportedMediaType", $"the body of the request was in an unknown format - accepted media types include: {string.Join(", ", s_patchTypes)}").ConfigureAwait(false);
            return null;
        }

        if (context.Request.Query["fieldManager"].ToString().Length == 0)
        {
            await StatusAsync(context, 422, "Invalid", "fieldManager is required by this double: changes must say who made them").ConfigureAwait(false);
            return null;
        }

        if (ConflictsToAnswer > 0)
        {
            ConflictsToAnswer--;
            await StatusAsync(context, 409, "Conflict", "Operation cannot be fulfilled: the object has been modified; please apply your changes to the latest version and try again").ConfigureAwait(false);
            return null;
        }

        JsonObject patch;
        try
        {
            patch = JsonNode.Parse(body) as JsonObject ?? throw new JsonException("not an object");
        }
        catch (JsonException ex)
        {
            await StatusAsync(context, 400, "BadRequest", "error decoding patch: " + ex.Message).ConfigureAwait(false);
            return null;
        }

        var spec = patch["spec"] as JsonObject;
        switch (parts)
        {
            case ["apis", "apps", "v1", "namespaces", Namespace, "deployments", var name, "scale"] when Deployments.TryGetValue(name, out var d):
                if (spec?["replicas"] is not JsonValue replicas || !replicas.TryGetValue<int>(out var n) || n < 0)
                {
                    await StatusAsync(context, 422, "Invalid", "Scale.autoscaling \"" + name + "\" is invalid: spec.replicas: must be a non-negative integer").ConfigureAwait(false);
                    return null;
                }

                if (!dryRun)
                {
                    Deployments[name] = d with { Replicas = n };
                }

                return Scale(name, dryRun ? d.Replicas : n);
            case ["apis", "apps", "v1", "namespaces", Namespace, "deployments", var name] when Deployments.TryGetValue(name, out var d):
                if (spec?["template"]?["metadata"]?["annotations"] is not JsonObject annotations
                    || annotations.Any(a => a.Value is not JsonValue v || !v.TryGetValue<string>(out _)))
                {
                    await StatusAsync(context, 422, "Invalid", "this double only takes pod-template annotation patches of strings").ConfigureAwait(false);
                    return null;
                }

                if (!dryRun)
                {
                    foreach (var (key, value) in annotations)
                    {
                        d.Annotations[key] = value!.GetValue<string>();
                    }
                }

                return Deployment(name);
            case ["apis", "autoscaling", "v2", "namespaces", Namespace, "horizontalpodautoscalers", var name] when Hpas.TryGetValue(name, out var h):
                if (spec?["minReplicas"] is not JsonValue min || !min.TryGetValue<int>(out var floor) || floor < 1 || floor > h.Max)
                {
                    await StatusAsync(context, 422, "Invalid", $"HorizontalPodAutoscaler.autoscaling \"{name}\" is invalid: spec.minReplicas: must be from 1 to maxReplicas {h.Max}").ConfigureAwait(false);
                    return null;
                }

                if (!dryRun)
                {
                    Hpas[name] = h with { Min = floor };
                }

                return Hpa(name, dryRun ? h : h with { Min = floor });
            default:
                return null;
        }
    }

    private static JsonObject Then(JsonObject result, Func<bool> effect)
    {
        effect();
        return result;
    }

    private JsonObject? Deployment(string name) => Deployments.TryGetValue(name, out var d)
        ? new JsonObject
        {
            ["kind"] = "Deployment",
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = Namespace },
            ["spec"] = new JsonObject
            {
                ["replicas"] = d.Replicas,
                ["template"] = new JsonObject { ["metadata"] = new JsonObject { ["annotations"] = new JsonObject(d.Annotations.Select(a => KeyValuePair.Create(a.Key, (JsonNode?)a.Value))) } },
            },
            ["status"] = new JsonObject { ["replicas"] = d.Replicas, ["readyReplicas"] = d.Ready },
        }
        : null;

    private static JsonObject Scale(string name, int replicas) => new()
    {
        ["kind"] = "Scale",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = Namespace },
        ["spec"] = new JsonObject { ["replicas"] = replicas },
    };

    private static JsonObject Pod(string name, string service) => new()
    {
        ["kind"] = "Pod",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = Namespace, ["labels"] = new JsonObject { ["app.kubernetes.io/name"] = service } },
    };

    private JsonObject PodList(string selector)
    {
        var wanted = selector.StartsWith("app.kubernetes.io/name=", StringComparison.Ordinal) ? selector["app.kubernetes.io/name=".Length..] : null;
        return new JsonObject
        {
            ["kind"] = "PodList",
            ["items"] = new JsonArray([.. Pods.Where(p => wanted is null || p.Value == wanted).Select(p => (JsonNode)Pod(p.Key, p.Value))]),
        };
    }

    private static JsonObject Hpa(string name, (int Min, int Max) h) => new()
    {
        ["kind"] = "HorizontalPodAutoscaler",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = Namespace },
        ["spec"] = new JsonObject { ["minReplicas"] = h.Min, ["maxReplicas"] = h.Max },
    };

    private static async Task StatusAsync(HttpContext context, int code, string reason, string message)
    {
        context.Response.StatusCode = code;
        await context.Response.WriteAsJsonAsync(new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["status"] = "Failure",
            ["message"] = message,
            ["reason"] = reason,
            ["code"] = code,
        }).ConfigureAwait(false);
    }
}
