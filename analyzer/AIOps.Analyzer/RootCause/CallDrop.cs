namespace AIOps.Analyzer.RootCause;

/// <summary>
/// Calls an operation regularly made in the baseline and stopped making in the incident window: it returned or
/// failed before reaching them.
/// </summary>
/// <param name="Service">The calling service.</param>
/// <param name="Operation">The calling operation.</param>
/// <param name="Callee">The call that stopped, as <c>service:operation</c>.</param>
/// <param name="BaselineRate">Calls per span of the operation in the baseline.</param>
/// <param name="IncidentRate">Calls per span of the operation in the incident window.</param>
/// <param name="Drop">The share of the baseline's calls no longer made, in [0, 1].</param>
public sealed record CallDrop(string Service, string Operation, string Callee, double BaselineRate, double IncidentRate, double Drop);
