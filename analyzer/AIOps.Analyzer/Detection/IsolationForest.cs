namespace AIOps.Analyzer.Detection;

/// <summary>
/// A trained isolation forest (Liu, Ting and Zhou, "Isolation Forest", ICDM 2008): random trees that split a random
/// feature at a random value until each point stands alone. Anomalies are few and different, so they are isolated
/// after fewer splits; <see cref="Score"/> turns the average path length into s = 2^(-E[h(x)] / c(n)), about 0.5
/// for a typical point and near 1 for one that is easy to isolate. The trees live in flat arrays (one entry a node,
/// left child right after its parent) so that scoring allocates nothing. Pure and deterministic given the seed.
/// </summary>
public sealed partial class IsolationForest
{
    private const double EulerGamma = 0.5772156649015329;

    private readonly int[] _roots;
    private readonly int[] _feature;
    private readonly double[] _value;
    private readonly int[] _right;
    private readonly double _normaliser;

    private IsolationForest(int dimension, int sampleSize, int[] roots, int[] feature, double[] value, int[] right)
    {
        Dimension = dimension;
        SampleSize = sampleSize;
        _roots = roots;
        _feature = feature;
        _value = value;
        _right = right;
        _normaliser = AveragePathLength(sampleSize);
    }

    /// <summary>The number of values in a point.</summary>
    public int Dimension { get; }

    /// <summary>The number of trees.</summary>
    public int TreeCount => _roots.Length;

    /// <summary>The points each tree was grown from: the configured sample size, or the sample when smaller.</summary>
    public int SampleSize { get; }

    /// <summary>The nodes of all trees together (a measure of the model's size).</summary>
    public int NodeCount => _feature.Length;

    /// <summary>The anomaly score of <paramref name="point"/> in (0, 1]: about 0.5 or less is typical, near 1 anomalous.</summary>
    public double Score(ReadOnlySpan<double> point)
    {
        ValidatePoint(point, Dimension);
        var total = 0.0;
        foreach (var root in _roots)
        {
            var node = root;
            while (_feature[node] >= 0)
            {
                node = point[_feature[node]] < _value[node] ? node + 1 : _right[node];
            }

            // A leaf's value is its depth plus the expected path length of the points it still holds.
            total += _value[node];
        }

        return Math.Pow(2, -total / _roots.Length / _normaliser);
    }

    /// <summary>
    /// c(n) = 2 H(n-1) - 2 (n-1) / n, the average path length of an unsuccessful search in a binary search tree of
    /// n points: what normalises path lengths, and what a leaf still holding n points adds to its depth.
    /// </summary>
    internal static double AveragePathLength(int n) => n <= 1 ? 0 : (2 * Harmonic(n - 1)) - (2.0 * (n - 1) / n);

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

    private static double Harmonic(int i)
    {
        if (i > 64)
        {
            // The asymptotic expansion, within 1e-13 this far out.
            var square = i * (double)i;
            return Math.Log(i) + EulerGamma + (1.0 / (2.0 * i)) - (1.0 / (12.0 * square)) + (1.0 / (120.0 * square * square));
        }

        var sum = 0.0;
        for (var k = 1; k <= i; k++)
        {
            sum += 1.0 / k;
        }

        return sum;
    }
}
