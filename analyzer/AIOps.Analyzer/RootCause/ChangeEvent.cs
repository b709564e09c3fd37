namespace AIOps.Analyzer.RootCause;

/// <summary>
/// Something done to a service shortly before an incident that could explain it: a restart, a deployment, a scaling
/// action (including the remediator's own), a configuration change.
/// </summary>
/// <param name="Service">The service it was done to.</param>
/// <param name="Kind">What was done, in a word: <c>restart</c>, <c>deploy</c>, <c>scale</c>, <c>config</c>.</param>
/// <param name="TimeMs">When, unix milliseconds.</param>
/// <param name="Description">What happened, for the SRE (who or what did it, from what to what).</param>
/// <param name="Instance">The instance it was done to, when it concerned one.</param>
public sealed record ChangeEvent(string Service, string Kind, long TimeMs, string Description, string? Instance = null);
