namespace AIOps.Travel.Services.Contracts;

/// <summary>Body of the payment service's POST /payments; idempotent per order.</summary>
public sealed record PaymentRequest(string? OrderId, string? UserId, decimal? Amount, string? Currency, string? CardNumber);
