namespace AIOps.Analyzer.RootCause;

/// <summary>
/// A candidate root cause of an incident: the service and, where the data says, the operation, instance and
/// indicator at fault, with its score and the evidence behind it, strongest first.
/// </summary>
/// <param name="Service">The suspected service.</param>
/// <param name="Score">The ranking score, in (0, 1]; the first candidate has the largest.</param>
/// <param name="Indicator">What is wrong with it: latency, errors, cpu, memory, saturation, network or change.</param>
/// <param name="Operation">The operation at fault, when traces point at one.</param>
/// <param name="Instance">The instance at fault, when only one of several is.</param>
/// <param name="Evidence">Why, strongest first.</param>
public sealed record RankedCause(
    string Service,
    double Score,
    string Indicator,
    string? Operation,
    string? Instance,
    IReadOnlyList<CauseEvidence> Evidence);
