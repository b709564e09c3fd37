namespace AIOps.Dashboard.Model;

/// <summary>How the map draws a call: the SVG path from caller to callee, and where its label goes.</summary>
/// <param name="D">The path's d attribute.</param>
/// <param name="LabelX">The label's centre.</param>
/// <param name="LabelY">The label's baseline.</param>
public sealed record MapEdgePath(string D, double LabelX, double LabelY);
