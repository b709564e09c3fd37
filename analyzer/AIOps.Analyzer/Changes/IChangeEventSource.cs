using AIOps.Analyzer.RootCause;

namespace AIOps.Analyzer.Changes;

/// <summary>
/// Where root-cause ranking learns what was done to the services around an incident: restarts, deployments,
/// scaling, configuration changes. A host may register several; each is asked for the same window.
/// </summary>
public interface IChangeEventSource
{
    /// <summary>The changes made in [<paramref name="fromMs"/>, <paramref name="toMs"/>) (unix milliseconds), oldest first.</summary>
    IReadOnlyList<ChangeEvent> Between(long fromMs, long toMs);
}
