using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace AIOps.Collector.Prometheus;

/// <summary>What the collector scrapes, and how often: static targets plus, optionally, every live replica
/// the travel platform's registry knows.</summary>
public sealed class ScrapeOptions : IValidatableObject
{
    public const string SectionName = "Collector:Scrape";

    [ValidateEnumeratedItems]
    public IList<StaticScrapeTarget> Targets { get; } = [];

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long one scrape may take; at most <see cref="Interval"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The travel registry's base URL (GET v1/instances/ lists the replicas); null scrapes static targets only.</summary>
    public Uri? Registry { get; set; }

    /// <summary>Registry targets get job="&lt;prefix&gt;/&lt;service&gt;", the job label their OTLP metrics carry too.</summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9_.-]+$")]
    public string RegistryJobPrefix { get; set; } = "travel";

    /// <summary>The largest page accepted from a target; a larger one fails the scrape (up 0).</summary>
    [Range(1024, 256 * 1024 * 1024)]
    public int MaxBodyBytes { get; set; } = 16 * 1024 * 1024;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var path = StaticScrapeTarget.PathOf(validationContext);
        if (Timeout > Interval)
        {
            yield return new ValidationResult($"{path}.Timeout ({Timeout}) must not exceed {path}.Interval ({Interval})", [nameof(Timeout)]);
        }

        if (Registry is not null && !StaticScrapeTarget.IsHttpUrl(Registry))
        {
            yield return new ValidationResult($"{path}.Registry must be an absolute http(s) URL, not '{Registry}'", [nameof(Registry)]);
        }
    }
}
