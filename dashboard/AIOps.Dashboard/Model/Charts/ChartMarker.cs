namespace AIOps.Dashboard.Model.Charts;

/// <summary>A span of time marked on a chart, such as an anomaly or an action; a point in time when To is null.</summary>
/// <param name="From">Where it starts.</param>
/// <param name="To">Where it ends; null: still going on (to the chart's end) or a single instant when Instant.</param>
/// <param name="Label">What the hover says.</param>
/// <param name="Tone">bad, warn or info.</param>
/// <param name="Instant">A line at From rather than a shaded span.</param>
public sealed record ChartMarker(DateTimeOffset From, DateTimeOffset? To, string Label, string Tone = "bad", bool Instant = false);
