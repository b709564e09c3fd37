using System.Globalization;

namespace AIOps.Dashboard.Chaos;

/// <summary>Whole seconds from <see cref="Min"/> to <see cref="Max"/>, both included; written "60-90", or "60" for one value.</summary>
public readonly record struct SecondsRange(int Min, int Max)
{
    public const int Longest = 3600;

    /// <summary>Parses "MIN-MAX" or "SECONDS"; the message names <paramref name="option"/>.</summary>
    public static SecondsRange Parse(string? text, string option)
    {
        var parts = (text ?? string.Empty).Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length is 1 or 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var min)
            && int.TryParse(parts[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var max)
            && min >= 1 && max <= Longest && min <= max)
        {
            return new SecondsRange(min, max);
        }

        throw new ArgumentException($"{option} '{text}' must be SECONDS or MIN-MAX, whole seconds from 1 to {Longest}, MIN not above MAX");
    }

    /// <summary>A duration drawn uniformly from the range.</summary>
    public TimeSpan Draw(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return TimeSpan.FromSeconds(random.Next(Min, Max + 1));
    }

    public override string ToString() => Min == Max
        ? Min.ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{Min}-{Max}");
}
