namespace AIOps.Travel.Services.Contracts;

/// <summary>A user account.</summary>
public sealed record UserProfile(string Id, string Name, string Email, string Tier, bool Blocked);
