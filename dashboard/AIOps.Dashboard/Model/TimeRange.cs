using System.Globalization;

namespace AIOps.Dashboard.Model;

/// <summary>
/// The span of time every page shows, ending now: one of a few fixed choices, so that links and the picker stay
/// simple and each page's queries stay bounded.
/// </summary>
/// <param name="Key">How it is written in the address and the cookie: 15m, 1h, 6h, 24h, 7d.</param>
/// <param name="Duration">How far back from now.</param>
/// <param name="Label">How the picker names it.</param>
public sealed record TimeRange(string Key, TimeSpan Duration, string Label)
{
    /// <summary>The query parameter and cookie that carry the range.</summary>
    public const string ParameterName = "range";

    public static readonly TimeRange Default = new("1h", TimeSpan.FromHours(1), "last hour");

    public static IReadOnlyList<TimeRange> Choices { get; } =
    [
        new("15m", TimeSpan.FromMinutes(15), "last 15 minutes"),
        Default,
        new("6h", TimeSpan.FromHours(6), "last 6 hours"),
        new("24h", TimeSpan.FromHours(24), "last 24 hours"),
        new("7d", TimeSpan.FromDays(7), "last 7 days"),
    ];

    /// <summary>The choice written as <paramref name="key"/>, or null when it is none of them.</summary>
    public static TimeRange? Find(string? key) => Choices.FirstOrDefault(c => string.Equals(c.Key, key, StringComparison.OrdinalIgnoreCase));

    /// <summary>A step that gives a chart about <paramref name="points"/> points over the range, in whole 10-second windows.</summary>
    public TimeSpan Step(int points = 120)
    {
        var seconds = Math.Max(10, (int)Math.Ceiling(Duration.TotalSeconds / points / 10) * 10);
        return TimeSpan.FromSeconds(seconds);
    }

    public override string ToString() => Key.ToString(CultureInfo.InvariantCulture);
}
