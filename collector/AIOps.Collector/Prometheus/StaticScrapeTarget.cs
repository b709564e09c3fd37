using System.ComponentModel.DataAnnotations;

namespace AIOps.Collector.Prometheus;

/// <summary>One configured target: the page's URL and the job its series belong to.</summary>
public sealed class StaticScrapeTarget : IValidatableObject
{
    [Required]
    public Uri? Url { get; set; }

    [Required]
    [RegularExpression(@"^\S+$")]
    public string Job { get; set; } = string.Empty;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Url is not null && !IsHttpUrl(Url))
        {
            yield return new ValidationResult($"{PathOf(validationContext)}.Url must be an absolute http(s) URL, not '{Url}'", [nameof(Url)]);
        }
    }

    /// <summary>Where the validated object sits ("ScrapeOptions.Targets[2]"), from the generated validator's display name.</summary>
    internal static string PathOf(ValidationContext context)
    {
        const string Suffix = ".Validate";
        var name = context.DisplayName;
        return name.EndsWith(Suffix, StringComparison.Ordinal) ? name[..^Suffix.Length] : name;
    }

    internal static bool IsHttpUrl(Uri url) => url.IsAbsoluteUri && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps);
}
