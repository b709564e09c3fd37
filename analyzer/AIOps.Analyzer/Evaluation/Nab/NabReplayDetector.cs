using AIOps.Analyzer.Detection;

namespace AIOps.Analyzer.Evaluation.Nab;

/// <summary>Replays recorded per-row scores (a published detector's output) in order: proves the pipeline, detects nothing itself.</summary>
public sealed class NabReplayDetector(IReadOnlyList<double> scores) : IStreamingDetector
{
    private int _next;

    public double Update(long timestampMs, double value) =>
        _next < scores.Count ? scores[_next++] : throw new InvalidOperationException($"only {scores.Count} recorded scores");
}
