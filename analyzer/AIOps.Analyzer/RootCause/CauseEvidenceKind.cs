namespace AIOps.Analyzer.RootCause;

/// <summary>Where a piece of root-cause evidence came from.</summary>
public enum CauseEvidenceKind
{
    /// <summary>An operation's own work (self time) got slower.</summary>
    Latency,

    /// <summary>An operation failed more often of its own accord.</summary>
    Errors,

    /// <summary>Calls an operation used to make stopped: it returned or failed early.</summary>
    Calls,

    /// <summary>Time between a caller and its callee grew: the network or the callee's queue.</summary>
    Network,

    /// <summary>Abnormal traces pass through it far more often than normal ones (spectrum and graph walk).</summary>
    Spectrum,

    /// <summary>A RED or resource metric of the service changed.</summary>
    Metric,

    /// <summary>The service was restarted, deployed or scaled shortly before.</summary>
    Change,
}
