namespace AIOps.Analyzer.Tests.RootCause;

/// <summary>One span of a synthetic call chain (see <see cref="SyntheticTraces.Chain"/>).</summary>
/// <param name="Service">The service that runs it.</param>
/// <param name="Operation">Its operation.</param>
/// <param name="SelfMs">Its own work, in milliseconds.</param>
/// <param name="GapMs">How long its caller's span outlasts it (the network), in milliseconds.</param>
/// <param name="IsError">Whether it fails.</param>
internal sealed record Hop(string Service, string Operation, double SelfMs, double GapMs = 0, bool IsError = false);
