using AIOps.Remediator.Actions;

namespace AIOps.Remediator.Engine;

/// <summary>Silences the alerts of a service while an action changes it, so the team is not paged for the fix itself.</summary>
public interface IActionSilencer
{
    /// <summary>Starts a silence for <paramref name="action"/>'s alerts until <paramref name="until"/>; returns its id.</summary>
    Task<string> SilenceAsync(RemediationAction action, DateTimeOffset until, CancellationToken cancellationToken);

    /// <summary>Ends the silence now.</summary>
    Task EndAsync(string silenceId, CancellationToken cancellationToken);
}
