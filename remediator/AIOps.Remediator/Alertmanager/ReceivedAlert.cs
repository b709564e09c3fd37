namespace AIOps.Remediator.Alertmanager;

/// <summary>One alert of a webhook notification (Alertmanager's webhook payload, version 4).</summary>
public sealed record ReceivedAlert(
    string Status,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Annotations,
    DateTimeOffset StartsAt,
    DateTimeOffset? EndsAt,
    string? GeneratorUrl,
    string? Fingerprint);
