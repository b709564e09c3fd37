namespace AIOps.Travel.Services.Contracts;

/// <summary>Reference data for clients: cities and airports.</summary>
public sealed record CatalogInfo(IReadOnlyList<City> Cities);
