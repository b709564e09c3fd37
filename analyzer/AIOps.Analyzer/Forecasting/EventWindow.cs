namespace AIOps.Analyzer.Forecasting;

/// <summary>
/// A known event, such as a flash sale: the steps <c>[Start, Start + Length)</c> counted from the first point of
/// the history. A window may lie in the forecast horizon (<c>Start &gt;= history.Count</c>): a planned event the
/// forecast should anticipate.
/// </summary>
public readonly record struct EventWindow(int Start, int Length);
