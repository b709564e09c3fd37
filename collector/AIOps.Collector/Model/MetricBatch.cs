namespace AIOps.Collector.Model;

/// <summary>The samples of one export, remote-write request or scrape, with the metadata it carried.</summary>
public sealed record MetricBatch(IReadOnlyList<MetricSample> Samples, IReadOnlyList<MetricMetadata> Metadata);
