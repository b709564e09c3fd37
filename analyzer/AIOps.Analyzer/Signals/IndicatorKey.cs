namespace AIOps.Analyzer.Signals;

/// <summary>One monitored series: an indicator of a service, or of one of its operations.</summary>
public readonly record struct IndicatorKey(string Service, string? Operation, Indicator Indicator)
{
    public override string ToString() => Operation is null ? $"{Service} {Indicator}" : $"{Service} {Operation} {Indicator}";
}
