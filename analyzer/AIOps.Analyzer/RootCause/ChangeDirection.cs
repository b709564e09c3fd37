namespace AIOps.Analyzer.RootCause;

/// <summary>Which way a metric must move away from its baseline for the move to count as a change.</summary>
public enum ChangeDirection
{
    /// <summary>Only rises count: saturation, leaks and slowdowns push resource and latency metrics up.</summary>
    Increase,

    /// <summary>Only falls count.</summary>
    Decrease,

    /// <summary>A move either way counts; the larger of the two is the change.</summary>
    Either,
}
