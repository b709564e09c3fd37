namespace AIOps.Analyzer.Analysis;

/// <summary>
/// Ranks the root causes of young open incidents every <see cref="AnalysisOptions.Interval"/>, beside the analysis
/// loop rather than in it: reading a window of spans takes a while, and the analysis must keep its pace.
/// </summary>
public sealed class RootCauseWorker(IncidentRootCauses rootCauses, AnalysisOptions options, TimeProvider time, ILogger<RootCauseWorker> logger)
    : PeriodicWorker(options.Interval, options.Enabled, time, logger)
{
    protected override void Work() => rootCauses.RankDue();
}
