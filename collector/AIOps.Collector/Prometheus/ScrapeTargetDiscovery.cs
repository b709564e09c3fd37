using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace AIOps.Collector.Prometheus;

/// <summary>
/// The targets of a scrape round: the static ones, plus every replica the travel registry lists
/// (GET v1/instances/), scraped at its address's /metrics. Registry replicas are labelled like their
/// OTLP metrics (job = prefix/service, instance = instance id, service) so both sources join. When the
/// registry cannot be read, the replicas it listed last time are kept, as Prometheus keeps its targets.
/// </summary>
public sealed class ScrapeTargetDiscovery(IHttpClientFactory httpClients, IOptions<ScrapeOptions> options, TimeProvider time, ILogger<ScrapeTargetDiscovery> logger)
{
    public const string HttpClientName = "AIOps.Collector.Prometheus.Scrape";
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);
    private volatile IReadOnlyList<ScrapeTarget> _registryTargets = [];

    public async Task<IReadOnlyList<ScrapeTarget>> DiscoverAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var targets = new List<ScrapeTarget>();
        foreach (var configured in settings.Targets)
        {
            var url = configured.Url!;
            var instance = url.Authority.Contains(':', StringComparison.Ordinal) ? url.Authority : $"{url.Host}:{url.Port.ToString(CultureInfo.InvariantCulture)}";
            targets.Add(new ScrapeTarget(url, configured.Job, instance, configured.Job));
        }

        if (settings.Registry is { } registry)
        {
            targets.AddRange(await RegistryTargetsAsync(registry, settings, cancellationToken).ConfigureAwait(false));
        }

        return targets.DistinctBy(t => t.Url).ToList();
    }

    private async Task<IReadOnlyList<ScrapeTarget>> RegistryTargetsAsync(Uri registry, ScrapeOptions settings, CancellationToken cancellationToken)
    {
        var instancesUrl = new Uri(new Uri(registry.AbsoluteUri.TrimEnd('/') + "/"), "v1/instances/");
        using var timeout = new CancellationTokenSource(settings.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            var client = httpClients.CreateClient(HttpClientName);
            var services = await client.GetFromJsonAsync<Dictionary<string, RegistryService>>(instancesUrl, s_json, linked.Token).ConfigureAwait(false) ?? [];
            var targets = new List<ScrapeTarget>();
            foreach (var (service, snapshot) in services.OrderBy(s => s.Key, StringComparer.Ordinal))
            {
                foreach (var instance in snapshot.Instances ?? [])
                {
                    if (Uri.TryCreate(instance.Address.TrimEnd('/') + "/metrics", UriKind.Absolute, out var url))
                    {
                        targets.Add(new ScrapeTarget(url, $"{settings.RegistryJobPrefix}/{service}", instance.InstanceId, service));
                    }
                }
            }

            _registryTargets = targets;
            return targets;
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or NotSupportedException
                                      || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            var known = _registryTargets;
            PrometheusLog.DiscoveryFailed(logger, registry, known.Count, e);
            return known;
        }
    }

    /// <summary>One service in the registry's answer: {"index": N, "instances": [...]}.</summary>
    private sealed record RegistryService(long Index, IReadOnlyList<RegistryInstance>? Instances);

    private sealed record RegistryInstance(string Service, string InstanceId, string Address);
}
