using AIOps.Analyzer.Detection;
using BenchmarkDotNet.Attributes;

namespace AIOps.Benchmarks;

/// <summary>
/// The isolation forest alone, at its defaults (100 trees of 256 points): growing it from 1,024 three-valued points
/// (what the streaming detector does every 256 points) and scoring one point (reported per point).
/// </summary>
[MemoryDiagnoser]
public class IsolationForestBenchmarks
{
    private const int SamplePoints = 1024;
    private const int Probes = 10_000;
    private const int Dimension = 3;

    private double[][] _sample = [];
    private double[] _probes = [];
    private IsolationForest? _forest;

    [GlobalSetup]
    public void Setup()
    {
        _sample = Features(SyntheticSeries.Values(SamplePoints + 1, seed: 1));
        _probes = [.. Features(SyntheticSeries.Values(Probes + 1, seed: 2)).SelectMany(p => p)];
        _forest = IsolationForest.Build(_sample);
    }

    [Benchmark]
    public IsolationForest Build() => IsolationForest.Build(_sample);

    [Benchmark(OperationsPerInvoke = Probes)]
    public double Score()
    {
        var forest = _forest!;
        var sum = 0.0;
        for (var i = 0; i < Probes; i++)
        {
            sum += forest.Score(_probes.AsSpan(i * Dimension, Dimension));
        }

        return sum;
    }

    /// <summary>Points of (value, step, deviation from the previous value's neighbourhood) like the detector's.</summary>
    private static double[][] Features(double[] values) =>
        [.. Enumerable.Range(1, values.Length - 1).Select(i => new[] { values[i], values[i] - values[i - 1], values[i] - ((values[i] + values[i - 1]) / 2) })];
}
