using AIOps.Analyzer.Detection;
using BenchmarkDotNet.Attributes;

namespace AIOps.Benchmarks;

/// <summary>
/// The cost of one <see cref="IStreamingDetector.Update"/> for every detector of the catalog (new entries are measured
/// without a change here): a fresh detector takes a 10,000-point series, and the time is reported per point.
/// The product's target is under 5 µs a point.
/// </summary>
[MemoryDiagnoser]
public class DetectorBenchmarks
{
    private const int Points = 10_000;

    private long[] _timestamps = [];
    private double[] _values = [];

    public static IEnumerable<string> Detectors => DetectorCatalog.Detectors.Keys.Order(StringComparer.Ordinal);

    [ParamsSource(nameof(Detectors))]
    public string Detector { get; set; } = DetectorCatalog.Default;

    [GlobalSetup]
    public void Setup()
    {
        _timestamps = SyntheticSeries.Timestamps(Points);
        _values = SyntheticSeries.Values(Points);
    }

    [Benchmark(OperationsPerInvoke = Points)]
    public double Update()
    {
        var detector = DetectorCatalog.Detectors[Detector]();
        var sum = 0.0;
        for (var i = 0; i < _values.Length; i++)
        {
            sum += detector.Update(_timestamps[i], _values[i]);
        }

        return sum;
    }
}
