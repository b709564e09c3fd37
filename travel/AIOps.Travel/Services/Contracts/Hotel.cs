namespace AIOps.Travel.Services.Contracts;

/// <summary>A hotel of the catalog.</summary>
public sealed record Hotel(string Id, string Name, string City, int Stars, decimal PricePerNight, string Currency, int Rooms);
