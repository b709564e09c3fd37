using AIOps.Analyzer.Forecasting;
using BenchmarkDotNet.Attributes;

namespace AIOps.Benchmarks;

/// <summary>
/// The fit time of every forecaster of the catalog (new entries are measured without a change here) on two weeks
/// of 5-minute data: 4,032 points, a daily period of 288, a day's horizon and a 95% interval. The product's target
/// is under 100 ms a fit.
/// </summary>
[MemoryDiagnoser]
public class ForecasterBenchmarks
{
    private const int Points = 14 * SyntheticSeries.PointsPerDay;

    private double[] _history = [];

    public static IEnumerable<string> Forecasters => ForecasterCatalog.Names;

    [ParamsSource(nameof(Forecasters))]
    public string Forecaster { get; set; } = "auto";

    [GlobalSetup]
    public void Setup() => _history = SyntheticSeries.Values(Points);

    [Benchmark]
    public Forecast Fit() => ForecasterCatalog.Create(Forecaster).Fit(_history, SyntheticSeries.PointsPerDay, SyntheticSeries.PointsPerDay, 0.95);
}
