namespace AIOps.Analyzer.RootCause;

/// <summary>A service that calls failed to reach more often in the incident window than in the baseline.</summary>
/// <param name="Peer">The service called.</param>
/// <param name="Callers">The services whose calls to it failed.</param>
/// <param name="BaselineRate">The share of calls to it that never reached a server in the baseline.</param>
/// <param name="IncidentRate">The same share in the incident window.</param>
/// <param name="Score">The rise over its binomial standard error.</param>
/// <param name="ExampleTraceIds">Traces with such a call.</param>
public sealed record UnreachedPeer(string Peer, IReadOnlyList<string> Callers, double BaselineRate, double IncidentRate, double Score, IReadOnlyList<string> ExampleTraceIds);
