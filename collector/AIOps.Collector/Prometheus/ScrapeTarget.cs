using AIOps.Collector.Model;

namespace AIOps.Collector.Prometheus;

/// <summary>A page to scrape and the labels every series from it gets.</summary>
/// <param name="Url">The /metrics URL.</param>
/// <param name="Job">The job label: the configured job, or prefix/service for registry replicas.</param>
/// <param name="Instance">The instance label: host:port for static targets, the instance id for replicas.</param>
/// <param name="Service">The service label.</param>
public sealed record ScrapeTarget(Uri Url, string Job, string Instance, string Service)
{
    public IReadOnlyList<Label> Labels => [new("job", Job), new("instance", Instance), new("service", Service)];
}
