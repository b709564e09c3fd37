namespace AIOps.Travel.Services.Contracts;

/// <summary>A city the platform sells hotels in, with its airport.</summary>
public sealed record City(string Code, string Name, string Country, string Airport);
