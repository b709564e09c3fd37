namespace AIOps.Collector.Query;

/// <summary>The service dependency graph over a range: services (with their RED) and edges.</summary>
public sealed record GraphView(IReadOnlyList<ServiceOverview> Nodes, IReadOnlyList<GraphEdgeView> Edges);
