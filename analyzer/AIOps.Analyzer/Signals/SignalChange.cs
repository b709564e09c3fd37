namespace AIOps.Analyzer.Signals;

/// <summary>A signal that started, got worse or ended at this step.</summary>
public sealed record SignalChange(SignalChangeKind Kind, Signal Signal);
