namespace AIOps.Dashboard.Model.Charts;

/// <summary>A shaded range between a lower and an upper line, such as a forecast's 95 % interval.</summary>
/// <param name="Name">The legend's name of it.</param>
/// <param name="Points">Time, lower and upper, in time order.</param>
public sealed record ChartBand(string Name, IReadOnlyList<(DateTimeOffset Time, double Lower, double Upper)> Points);
