using AIOps.Remediator.Actions;
using AIOps.Remediator.Engine;

namespace AIOps.Remediator.Alertmanager;

/// <summary>Holds an Alertmanager silence on a service's alerts (label <c>service</c>) while an action changes it.</summary>
public sealed class AlertmanagerSilencer(AlertmanagerClient client, TimeProvider time) : IActionSilencer
{
    public Task<string> SilenceAsync(RemediationAction action, DateTimeOffset until, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        return client.CreateSilenceAsync(
            new Dictionary<string, string> { ["service"] = action.Service },
            time.GetUtcNow(),
            until,
            "aiops",
            $"remediation {action.Id} ({action.Policy}): {action.Plan.Summary}",
            cancellationToken);
    }

    public Task EndAsync(string silenceId, CancellationToken cancellationToken) => client.ExpireSilenceAsync(silenceId, cancellationToken);
}
