using AIOps.Analyzer.Statistics;

namespace AIOps.Analyzer.RootCause;

/// <summary>
/// Ranks services as root-cause suspects by how far their metrics moved once an anomaly began, in the manner of
/// BARO's robust scoring (Pham, Ha and Zhang, FSE 2024) and the simpler n-sigma rule it improves on.
/// </summary>
/// <remarks>
/// <para>
/// Each metric is split at the anomaly start. The points before it are the baseline, summarised robustly by their
/// median and interquartile range, so a few spikes in normal operation neither shift the centre nor widen the
/// spread much. Every point from the start on is then expressed in baseline spreads away from the median, and the
/// metric's change score is the largest such deviation in the counted direction (rises by default: a hogged CPU,
/// a leaking heap and a slowed endpoint all go up). A level shift moves every anomalous point and a burst of
/// variability moves the extreme ones, so the maximum sees both.
/// </para>
/// <para>
/// A baseline that barely varies would make any move infinitely significant. The spread is therefore never less
/// than <see cref="RobustChangeRankerOptions.RelativeScaleFloor"/> times the baseline's magnitude (or, for a
/// baseline at zero, times the largest magnitude the metric reached): a metric that was flat scores its relative
/// change, at most the floor's reciprocal. A relative floor cannot judge a count that idles at zero (a queue of one
/// against none would be a hundredfold move), so a series may also carry an absolute floor,
/// <see cref="MetricSeries.ScaleFloor"/>. Metrics flat throughout carry no information and are left out.
/// </para>
/// <para>
/// A service scores as its most changed metric; services are ranked by that score, highest first, with ties in
/// name order. The ranker is pure: the same series and start always give the same ranking.
/// </para>
/// </remarks>
public sealed class RobustChangeRanker
{
    private readonly RobustChangeRankerOptions _options;

    /// <summary>Creates a ranker; throws naming the setting when <paramref name="options"/> cannot work.</summary>
    public RobustChangeRanker(RobustChangeRankerOptions? options = null)
    {
        _options = options ?? new RobustChangeRankerOptions();
        _options.Validate();
    }

    /// <summary>
    /// Ranks the services of <paramref name="series"/> by their metrics' change at <paramref name="anomalyStartMs"/>
    /// (unix milliseconds; points at or after it are anomalous). Metrics without enough baseline points, without
    /// anomalous points, or flat throughout are left out, and so are services left without metrics.
    /// </summary>
    public IReadOnlyList<RootCauseCandidate> Rank(IReadOnlyList<MetricSeries> series, long anomalyStartMs)
    {
        ArgumentNullException.ThrowIfNull(series);
        var byService = new Dictionary<string, List<MetricEvidence>>(StringComparer.Ordinal);
        foreach (var metric in series)
        {
            if (Score(metric, anomalyStartMs) is not { } evidence)
            {
                continue;
            }

            if (!byService.TryGetValue(metric.Service, out var list))
            {
                byService[metric.Service] = list = [];
            }

            list.Add(evidence);
        }

        return [.. byService
            .Select(pair =>
            {
                List<MetricEvidence> evidence = [.. pair.Value.OrderByDescending(e => e.Score).ThenBy(e => e.Metric, StringComparer.Ordinal)];
                return new RootCauseCandidate(pair.Key, evidence[0].Score, evidence);
            })
            .OrderByDescending(c => c.Score)
            .ThenBy(c => c.Service, StringComparer.Ordinal)];
    }

    /// <summary>The evidence of one metric, or null when it has too little baseline, no anomalous point, or never moves.</summary>
    public MetricEvidence? Score(MetricSeries metric, long anomalyStartMs)
    {
        ArgumentNullException.ThrowIfNull(metric);
        var (normal, anomalous, times) = Split(metric.Points, anomalyStartMs);
        if (normal.Count < _options.MinimumBaselinePoints || anomalous.Count == 0)
        {
            return null;
        }

        normal.Sort();
        var median = Quantiles.Sorted(normal, 0.5);
        var spread = Quantiles.Sorted(normal, 0.75) - Quantiles.Sorted(normal, 0.25);
        var (low, lowAt, high, highAt) = Extremes(anomalous, times);
        if (normal[0] == normal[^1] && low == normal[0] && high == normal[0])
        {
            return null;
        }

        var magnitude = median != 0
            ? Math.Abs(median)
            : Math.Max(Math.Max(Math.Abs(low), Math.Abs(high)), Math.Max(Math.Abs(normal[0]), Math.Abs(normal[^1])));
        var scale = Math.Max(Math.Max(spread, _options.RelativeScaleFloor * magnitude), metric.ScaleFloor);
        var rise = Math.Max(0, high - median) / scale;
        var fall = Math.Max(0, median - low) / scale;
        var up = _options.Direction switch
        {
            ChangeDirection.Increase => true,
            ChangeDirection.Decrease => false,
            _ => rise >= fall,
        };

        anomalous.Sort();
        return new MetricEvidence(
            metric.Name,
            up ? rise : fall,
            up ? ChangeDirection.Increase : ChangeDirection.Decrease,
            median,
            scale,
            Quantiles.Sorted(anomalous, 0.5),
            up ? high : low,
            up ? highAt : lowAt);
    }

    private static (List<double> Normal, List<double> Anomalous, List<long> AnomalousTimes) Split(IReadOnlyList<MetricPoint> points, long startMs)
    {
        var normal = new List<double>(points.Count);
        var anomalous = new List<double>();
        var times = new List<long>();
        foreach (var (time, value) in points)
        {
            if (!double.IsFinite(value))
            {
                continue;
            }

            if (time < startMs)
            {
                normal.Add(value);
            }
            else
            {
                anomalous.Add(value);
                times.Add(time);
            }
        }

        return (normal, anomalous, times);
    }

    private static (double Low, long LowAt, double High, long HighAt) Extremes(List<double> values, List<long> times)
    {
        var (low, lowAt, high, highAt) = (values[0], times[0], values[0], times[0]);
        for (var i = 1; i < values.Count; i++)
        {
            if (values[i] < low)
            {
                (low, lowAt) = (values[i], times[i]);
            }

            if (values[i] > high)
            {
                (high, highAt) = (values[i], times[i]);
            }
        }

        return (low, lowAt, high, highAt);
    }
}
