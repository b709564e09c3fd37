namespace AIOps.Analyzer.Analysis;

internal static partial class AnalysisLog
{
    [LoggerMessage(4000, LogLevel.Warning, "Incident {Id} opened: {Title}")]
    public static partial void IncidentOpened(ILogger logger, string id, string title);

    [LoggerMessage(4001, LogLevel.Information, "Incident {Id} resolved after {Minutes:0.#} min")]
    public static partial void IncidentResolved(ILogger logger, string id, double minutes);

    [LoggerMessage(4002, LogLevel.Error, "{Worker} failed; it runs again at its next interval")]
    public static partial void StepFailed(ILogger logger, string worker, Exception exception);

    [LoggerMessage(4003, LogLevel.Error, "Forecasting failed for {Service}")]
    public static partial void ForecastFailed(ILogger logger, string service, Exception exception);

    [LoggerMessage(4004, LogLevel.Information, "Analysis replayed {Steps} steps of history into {Monitors} monitors")]
    public static partial void Backfilled(ILogger logger, int steps, int monitors);

    [LoggerMessage(4005, LogLevel.Debug, "Incident {Id} ranked: {Top} first of {Causes} suspects, from {BaselineSpans} baseline and {IncidentSpans} incident spans{Sampled}, in {Milliseconds} ms")]
    public static partial void CausesRanked(ILogger logger, string id, string top, int causes, int baselineSpans, int incidentSpans, string sampled, long milliseconds);

    [LoggerMessage(4006, LogLevel.Error, "Ranking the root causes of incident {Id} failed; it is tried again after the ranking interval")]
    public static partial void RankingFailed(ILogger logger, string id, Exception exception);
}
