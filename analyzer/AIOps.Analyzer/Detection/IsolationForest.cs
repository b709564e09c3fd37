namespace AIOps.Analyzer.Detection;

/// <summary>
/// A trained isolation forest (Liu, Ting and Zhou, "Isolation Forest", ICDM 2008): random trees that split a random
/// feature at a random value until each point stands alone. Anomalies are few and different, so they are isolated
/// after fewer splits; <see cref="Score"/> turns the average path length into s = 2^(-E[h(x)] / c(n)), about 0.5
/// for a typical point and near 1 for one that is easy to isolate. The trees live in one flat array of 16-byte
/// nodes, so that scoring allocates nothing, and walks four trees at a time so that their memory reads overlap.
/// Pure and deterministic given the seed.
/// </summary>
public sealed partial class IsolationForest
{
    private const int Interleaved = 4;

    private readonly int[] _roots;
    private readonly IsolationNode[] _nodes;
    private readonly double[] _pathLength;
    private readonly int _height;
    private readonly double _normaliser;

    private IsolationForest(int dimension, int sampleSize, int height, int[] roots, IsolationNode[] nodes, double[] pathLength)
    {
        Dimension = dimension;
        SampleSize = sampleSize;
        _height = height;
        _roots = roots;
        _nodes = nodes;
        _pathLength = pathLength;
        _normaliser = AveragePathLength(sampleSize);
    }

    /// <summary>The number of values in a point.</summary>
    public int Dimension { get; }

    /// <summary>The number of trees.</summary>
    public int TreeCount => _roots.Length;

    /// <summary>The points each tree was grown from: the configured sample size, or the sample when smaller.</summary>
    public int SampleSize { get; }

    /// <summary>The nodes of all trees together (a measure of the model's size).</summary>
    public int NodeCount => _nodes.Length;

    /// <summary>The anomaly score of <paramref name="point"/> in (0, 1]: about 0.5 or less is typical, near 1 anomalous.</summary>
    public double Score(ReadOnlySpan<double> point)
    {
        ValidatePoint(point, Dimension);
        var nodes = _nodes.AsSpan();
        var total = 0.0;
        var t = 0;
        for (; t + Interleaved <= _roots.Length; t += Interleaved)
        {
            var (a, b, c, d) = (_roots[t], _roots[t + 1], _roots[t + 2], _roots[t + 3]);
            for (var step = 0; step < _height; step++)
            {
                a = nodes[a].Next(a, point);
                b = nodes[b].Next(b, point);
                c = nodes[c].Next(c, point);
                d = nodes[d].Next(d, point);
            }

            total += _pathLength[a] + _pathLength[b] + _pathLength[c] + _pathLength[d];
        }

        for (; t < _roots.Length; t++)
        {
            var a = _roots[t];
            for (var step = 0; step < _height; step++)
            {
                a = nodes[a].Next(a, point);
            }

            total += _pathLength[a];
        }

        return Math.Pow(2, -total / _roots.Length / _normaliser);
    }

    /// <summary>
    /// c(n) = 2 H(n-1) - 2 (n-1) / n, the average path length of an unsuccessful search in a binary search tree of
    /// n points: what normalises path lengths, and what a leaf still holding n points adds to its depth.
    /// </summary>
    internal static double AveragePathLength(int n) => AveragePathLengths(n)[n];

    /// <summary>c(0) to c(<paramref name="max"/>), with the harmonic numbers summed exactly on the way.</summary>
    internal static double[] AveragePathLengths(int max)
    {
        var lengths = new double[max + 1];
        var harmonic = 0.0;
        for (var n = 2; n <= max; n++)
        {
            harmonic += 1.0 / (n - 1);
            lengths[n] = (2 * harmonic) - (2.0 * (n - 1) / n);
        }

        return lengths;
    }

    internal static void ValidatePoint(ReadOnlySpan<double> point, int dimension)
    {
        if (point.Length != dimension)
        {
            throw new ArgumentException($"point has {point.Length} values; the forest takes {dimension}", nameof(point));
        }

        for (var i = 0; i < point.Length; i++)
        {
            if (double.IsNaN(point[i]))
            {
                throw new ArgumentException($"point holds NaN at index {i}", nameof(point));
            }
        }
    }
}
