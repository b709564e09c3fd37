using Microsoft.Extensions.Options;

namespace AIOps.Collector.Prometheus;

/// <summary>Checks <see cref="ScrapeOptions"/> and every static target at start (source-generated from the annotations).</summary>
[OptionsValidator]
public sealed partial class ScrapeOptionsValidator : IValidateOptions<ScrapeOptions>;
