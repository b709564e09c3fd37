namespace AIOps.Analyzer.RootCause;

/// <summary>
/// The time between a caller's call and the callee's handling of it (the caller's span less the callee's): the
/// network and the callee's queue, in the baseline against the incident window.
/// </summary>
/// <param name="Caller">The calling service.</param>
/// <param name="Callee">The called service.</param>
/// <param name="BaselineMs">The median gap in the baseline, in milliseconds.</param>
/// <param name="IncidentMs">The median gap in the incident window, in milliseconds.</param>
/// <param name="Score">How far the incident's median lies above the baseline's, in robust spreads (0 when it did not rise).</param>
/// <param name="ExampleTraceIds">Traces of the incident window with the widest gaps.</param>
public sealed record EdgeGap(string Caller, string Callee, double BaselineMs, double IncidentMs, double Score, IReadOnlyList<string> ExampleTraceIds);
