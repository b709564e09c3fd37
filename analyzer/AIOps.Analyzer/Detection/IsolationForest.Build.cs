namespace AIOps.Analyzer.Detection;

public sealed partial class IsolationForest
{
    /// <summary>
    /// Grows a forest from <paramref name="sample"/>, rows of equal length holding finite values. Each tree takes its
    /// own random subsample of <see cref="IsolationForestOptions.SampleSize"/> points and stops at depth
    /// ceil(log2(subsample)), below which only anomalies' path lengths would be refined.
    /// </summary>
    public static IsolationForest Build(IReadOnlyList<double[]> sample, IsolationForestOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(sample);
        options ??= new IsolationForestOptions();
        options.Validate();
        if (sample.Count < 2)
        {
            throw new ArgumentException($"sample holds {sample.Count} points; a forest needs at least 2", nameof(sample));
        }

        var dimension = sample[0]?.Length ?? 0;
        if (dimension == 0)
        {
            throw new ArgumentException("sample's first row is null or empty", nameof(sample));
        }

        var flat = new double[sample.Count * dimension];
        for (var i = 0; i < sample.Count; i++)
        {
            var row = sample[i];
            if (row is null || row.Length != dimension)
            {
                throw new ArgumentException($"sample row {i} has {row?.Length ?? 0} values where row 0 has {dimension}; rows must be of equal length", nameof(sample));
            }

            for (var j = 0; j < dimension; j++)
            {
                if (!double.IsFinite(row[j]))
                {
                    throw new ArgumentException($"sample row {i} holds {row[j]} at index {j}; values must be finite", nameof(sample));
                }
            }

            row.CopyTo(flat, i * dimension);
        }

        return Build(flat, dimension, options, options.Seed);
    }

    /// <summary>Grows a forest from validated points stored row after row in <paramref name="points"/>.</summary>
    internal static IsolationForest Build(ReadOnlySpan<double> points, int dimension, IsolationForestOptions options, int seed)
    {
        var count = points.Length / dimension;
        var sampleSize = Math.Min(options.SampleSize, count);
        var builder = new IsolationTreeBuilder(points, dimension, sampleSize, seed);
        var roots = new int[options.TreeCount];
        for (var t = 0; t < roots.Length; t++)
        {
            roots[t] = builder.GrowTree();
        }

        var (nodes, pathLength) = builder.ToArrays();
        return new IsolationForest(dimension, sampleSize, builder.HeightLimit, roots, nodes, pathLength);
    }
}
