using AIOps.Analyzer.Evaluation.Rca;

namespace AIOps.Dashboard.Chaos;

/// <summary>
/// Detection and ranking over a set of cases. AC@k counts every case: an undetected fault is a miss at every k.
/// The delays are over the detected cases only.
/// </summary>
/// <param name="Cases">The cases summarised.</param>
/// <param name="Detected">Of those, the ones with an incident in their detection window.</param>
/// <param name="Accuracy">AC@1 to AC@5 of the faulty service in the incidents' causes.</param>
/// <param name="MeanDelaySeconds">The mean detection delay; null when nothing was detected.</param>
/// <param name="MaxDelaySeconds">The longest detection delay; null when nothing was detected.</param>
/// <param name="MeanVisibleDelaySeconds">The mean delay until the driver saw the incident through the API; null when never seen.</param>
public sealed record ChaosSummary(int Cases, int Detected, RcaAccuracy Accuracy, double? MeanDelaySeconds, double? MaxDelaySeconds, double? MeanVisibleDelaySeconds)
{
    public static ChaosSummary Of(IReadOnlyCollection<ChaosCaseResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var delays = results.Select(r => r.DelaySeconds).OfType<double>().ToList();
        var visible = results.Select(r => r.VisibleDelaySeconds).OfType<double>().ToList();
        return new ChaosSummary(
            results.Count,
            delays.Count,
            RcaScorer.Score([.. results.Select(r => r.Rank)]),
            delays.Count == 0 ? null : delays.Average(),
            delays.Count == 0 ? null : delays.Max(),
            visible.Count == 0 ? null : visible.Average());
    }
}
