namespace AIOps.Remediator.Policies;

/// <summary>What a policy does to the service it matched.</summary>
public enum RemediationActionType
{
    /// <summary>Add replicas: +n or ×factor, within the policy's maximum.</summary>
    ScaleOut,

    /// <summary>Remove the replicas a scale-out added, once the service has recovered, down to the policy's minimum.</summary>
    ScaleIn,

    /// <summary>Restart every replica of the service one at a time, keeping the minimum of healthy replicas.</summary>
    RollingRestart,

    /// <summary>Restart the one instance the root cause points at.</summary>
    RestartInstance,

    /// <summary>Raise the replica floor ahead of a forecast peak, with headroom.</summary>
    PredictiveScale,
}
