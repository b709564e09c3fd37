namespace AIOps.Analyzer.Evaluation.Rca;

/// <summary>
/// One injected fault of the Nezha TrainTicket data, as its day's fault list records it. Its telemetry is not
/// loaded with it: <see cref="NezhaDataset"/> reads the spans and metrics of a chosen window on demand.
/// </summary>
/// <param name="Name">The injection time as written in the fault list, e.g. <c>2023-01-29 08:43:04</c>; unique.</param>
/// <param name="Day">The day folder the fault belongs to, e.g. <c>2023-01-29</c>.</param>
/// <param name="RootCause">The service the fault was injected into, e.g. <c>ts-contacts-service</c>.</param>
/// <param name="Pod">The pod the fault was injected into.</param>
/// <param name="Fault">The kind of fault: <c>return</c>, <c>exception</c>, <c>cpu_contention</c> or <c>network_delay</c>.</param>
/// <param name="AnomalyStartMs">
/// The injection time in unix milliseconds on the telemetry's clock (the <c>inject_time</c> text read as UTC).
/// </param>
/// <param name="PreviousStartMs">
/// The injection time of the fault before it on the same day, or null for the first: a window reaching back past
/// it (faults are a few minutes apart) mixes that fault's effects into the baseline.
/// </param>
public sealed record NezhaCase(string Name, string Day, string RootCause, string Pod, string Fault, long AnomalyStartMs, long? PreviousStartMs);
