namespace AIOps.Travel.Services.Contracts;

/// <summary>One flight on one date.</summary>
public sealed record Flight(string Id, string FlightNumber, string From, string To, string Date, string Departure, string Arrival, decimal Price, string Currency, int Seats);
