namespace AIOps.Remediator.Alertmanager;

/// <summary>
/// One alert as Alertmanager's v2 API takes it (<c>postableAlert</c>): labels identify it (the same labels update the
/// same alert), annotations describe it, <see cref="EndsAt"/> in the past resolves it.
/// </summary>
public sealed record OutgoingAlert(
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Annotations,
    DateTimeOffset StartsAt,
    DateTimeOffset? EndsAt,
    Uri? GeneratorUrl);
