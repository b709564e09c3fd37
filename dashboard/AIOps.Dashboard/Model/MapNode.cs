namespace AIOps.Dashboard.Model;

/// <summary>A service placed on the map: its layer (column, from the left), its row in the layer, and its box's top-left corner.</summary>
public sealed record MapNode(string Name, int Layer, int Row, double X, double Y);
