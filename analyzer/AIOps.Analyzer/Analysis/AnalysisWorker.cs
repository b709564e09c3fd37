namespace AIOps.Analyzer.Analysis;

/// <summary>Runs the live analysis every <see cref="AnalysisOptions.Interval"/>.</summary>
public sealed class AnalysisWorker(AnalysisEngine engine, AnalysisOptions options, TimeProvider time, ILogger<AnalysisWorker> logger)
    : PeriodicWorker(options.Interval, options.Enabled, time, logger)
{
    protected override void Work() => engine.RunOnce();
}
