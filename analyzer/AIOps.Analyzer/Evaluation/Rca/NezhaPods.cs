using System.Buffers;

namespace AIOps.Analyzer.Evaluation.Rca;

/// <summary>
/// Maps the Kubernetes pod names of the Nezha data to services: a Deployment's pod is named
/// <c>&lt;deployment&gt;-&lt;template hash&gt;-&lt;suffix&gt;</c>, so <c>ts-contacts-service-866bd68c97-xcqfx</c>
/// runs <c>ts-contacts-service</c>.
/// </summary>
public static class NezhaPods
{
    // Kubernetes draws generated name parts from these characters (no vowels, no 0, 1 or 3), so a service name's
    // own last word ("service", "dashboard") is never mistaken for one.
    private static readonly SearchValues<char> s_generated = SearchValues.Create("bcdfghjklmnpqrstvwxz2456789");
    private const int SuffixLength = 5;
    private const int MinimumHashLength = 6;
    private const int MaximumHashLength = 10;

    /// <summary>
    /// The service <paramref name="pod"/> belongs to: the name without its generated suffix and template hash.
    /// A name without them (a service's own name, <c>Frontend</c>) is returned as it is; a name with a suffix but
    /// no hash (a DaemonSet's or bare pod) loses the suffix only.
    /// </summary>
    public static string ServiceOf(string pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        var withoutSuffix = DropGenerated(pod, SuffixLength, SuffixLength);
        return ReferenceEquals(withoutSuffix, pod) ? pod : DropGenerated(withoutSuffix, MinimumHashLength, MaximumHashLength);
    }

    /// <summary><paramref name="name"/> without its last dash-separated part when that part looks generated, else <paramref name="name"/> itself.</summary>
    private static string DropGenerated(string name, int minimumLength, int maximumLength)
    {
        var dash = name.LastIndexOf('-');
        if (dash <= 0)
        {
            return name;
        }

        var part = name.AsSpan(dash + 1);
        return part.Length >= minimumLength && part.Length <= maximumLength && !part.ContainsAnyExcept(s_generated)
            ? name[..dash]
            : name;
    }
}
