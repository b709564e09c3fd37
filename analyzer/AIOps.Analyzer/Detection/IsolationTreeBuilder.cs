using System.Runtime.CompilerServices;

namespace AIOps.Analyzer.Detection;

/// <summary>
/// Grows the trees of an <see cref="IsolationForest"/> into one flat array of <see cref="IsolationNode"/>s, in
/// pre-order so that a node's left child is the next node, with each leaf's path length (its depth plus the expected
/// path length of the points it still holds) in a parallel array.
/// </summary>
internal ref struct IsolationTreeBuilder
{
    private readonly ReadOnlySpan<double> _points;
    private readonly int _dimension;
    private readonly int _sampleSize;
    private SplitMix64 _random;
    private readonly int[] _shuffled;
    private readonly int[] _subsample;
    private readonly double[] _averagePathLength;
    private IsolationNode[] _nodes;
    private double[] _pathLength;
    private int _count;

    public IsolationTreeBuilder(ReadOnlySpan<double> points, int dimension, int sampleSize, int seed)
    {
        _points = points;
        _dimension = dimension;
        _sampleSize = sampleSize;
        HeightLimit = (int)Math.Ceiling(Math.Log2(sampleSize));
        _random = new SplitMix64(unchecked((ulong)seed));
        _shuffled = [.. Enumerable.Range(0, points.Length / dimension)];
        _subsample = new int[sampleSize];
        _averagePathLength = IsolationForest.AveragePathLengths(sampleSize);
        _nodes = new IsolationNode[2 * sampleSize];
        _pathLength = new double[2 * sampleSize];
    }

    /// <summary>The depth trees stop at, ceil(log2(sample size)): deeper splits would only refine typical points.</summary>
    public int HeightLimit { get; }

    /// <summary>Grows one tree on a fresh subsample; returns its root node.</summary>
    public int GrowTree()
    {
        // A partial Fisher-Yates shuffle: the first sampleSize entries become a uniform sample without replacement.
        for (var i = 0; i < _sampleSize; i++)
        {
            var j = i + _random.Next(_shuffled.Length - i);
            (_shuffled[i], _shuffled[j]) = (_shuffled[j], _shuffled[i]);
            _subsample[i] = _shuffled[i];
        }

        if (Environment.GetEnvironmentVariable("NOGROW") is not null) { NewNode(); _nodes[_count - 1] = IsolationNode.Leaf(_count - 1); return _count - 1; }
        return Grow(0, _sampleSize, 0);
    }

    /// <summary>The nodes grown so far and the leaves' path lengths, trimmed to their number.</summary>
    public readonly (IsolationNode[] Nodes, double[] PathLength) ToArrays() => (_nodes[.._count], _pathLength[.._count]);

    private int Grow(int start, int length, int depth)
    {
        var node = NewNode();
        if (depth >= HeightLimit || length <= 1 || !TryChooseSplit(start, length, out var feature, out var split))
        {
            _nodes[node] = IsolationNode.Leaf(node);
            _pathLength[node] = depth + _averagePathLength[length];
            return node;
        }

        var left = Partition(start, length, feature, split);
        Grow(start, left, depth + 1);
        _nodes[node] = new IsolationNode(split, feature, Grow(start + left, length - left, depth + 1));
        return node;
    }

    /// <summary>
    /// A random feature and a random value strictly inside its range over the node's points. A feature that is
    /// constant there cannot split them, so the next one is tried; when all are constant the node is a leaf.
    /// </summary>
    private bool TryChooseSplit(int start, int length, out int feature, out double split)
    {
        var first = _random.Next(_dimension);
        for (var k = 0; k < _dimension; k++)
        {
            feature = (first + k) % _dimension;
            var (min, max) = Range(start, length, feature);
            if (max > min)
            {
                // In (min, max]: the left side (below the split) holds the minimum, the right side the maximum.
                split = max - (_random.NextDouble() * (max - min));
                if (split <= min)
                {
                    split = max;
                }

                return true;
            }
        }

        (feature, split) = (0, 0);
        return false;
    }

    private readonly (double Min, double Max) Range(int start, int length, int feature)
    {
        var points = _points;
        var dimension = _dimension;
        var min = double.PositiveInfinity;
        var max = double.NegativeInfinity;
        foreach (var index in _subsample.AsSpan(start, length))
        {
            var x = points[(index * dimension) + feature];
            if (x < min)
            {
                min = x;
            }

            if (x > max)
            {
                max = x;
            }
        }

        return (min, max);
    }

    /// <summary>
    /// Moves the points below <paramref name="split"/> to the front of the range; returns how many there are. Every
    /// point is swapped into the boundary and the boundary moves on when the point belongs left: which side a point
    /// takes is a coin toss, and a branch on it would be mispredicted half the time.
    /// </summary>
    private readonly int Partition(int start, int length, int feature, double split)
    {
        var points = _points;
        var dimension = _dimension;
        var range = _subsample.AsSpan(start, length);
        var left = 0;
        for (var i = 0; i < range.Length; i++)
        {
            var index = range[i];
            var below = Unsafe.BitCast<bool, byte>(points[(index * dimension) + feature] < split);
            range[i] = range[left];
            range[left] = index;
            left += below;
        }

        return left;
    }

    private int NewNode()
    {
        if (_count == _nodes.Length)
        {
            Array.Resize(ref _nodes, _count * 2);
            Array.Resize(ref _pathLength, _count * 2);
        }

        return _count++;
    }
}
