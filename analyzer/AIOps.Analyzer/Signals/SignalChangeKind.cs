namespace AIOps.Analyzer.Signals;

/// <summary>How a signal changed.</summary>
public enum SignalChangeKind
{
    Started,
    Worsened,
    Ended,
}
