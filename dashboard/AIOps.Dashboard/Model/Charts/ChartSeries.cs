namespace AIOps.Dashboard.Model.Charts;

/// <summary>A line of a chart.</summary>
/// <param name="Name">The legend's and the hover's name of it.</param>
/// <param name="Points">Its values, in time order.</param>
/// <param name="Tone">Its colour class: primary, secondary, muted, bad, warn.</param>
public sealed record ChartSeries(string Name, IReadOnlyList<ChartPoint> Points, string Tone = "primary");
