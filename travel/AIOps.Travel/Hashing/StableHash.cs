namespace AIOps.Travel.Hashing;

/// <summary>
/// A hash that is the same in every process and run (string.GetHashCode is randomised per process):
/// FNV-1a over UTF-16 code units, then the splitmix64 finaliser so that similar keys spread evenly.
/// </summary>
public static class StableHash
{
    public static ulong Of(string value)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in value)
        {
            hash ^= c;
            hash *= 1099511628211UL;
        }

        return Mix(hash);
    }

    public static ulong Of(string first, string second) => Mix(Of(first) ^ (Of(second) * 0x9E3779B97F4A7C15UL));

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
