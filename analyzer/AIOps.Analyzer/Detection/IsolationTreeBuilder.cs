namespace AIOps.Analyzer.Detection;

/// <summary>
/// Grows the trees of an <see cref="IsolationForest"/> into flat node arrays, in pre-order so that a node's left
/// child is the next node. A leaf has feature -1 and, as its value, its depth plus the expected path length of the
/// points it still holds; an inner node has the feature it splits and the split value (left: below it).
/// </summary>
internal ref struct IsolationTreeBuilder
{
    private const int Leaf = -1;

    private readonly ReadOnlySpan<double> _points;
    private readonly int _dimension;
    private readonly int _sampleSize;
    private readonly int _heightLimit;
    private readonly Random _random;
    private readonly int[] _shuffled;
    private readonly int[] _subsample;
    private int[] _feature;
    private double[] _value;
    private int[] _right;
    private int _nodes;

    public IsolationTreeBuilder(ReadOnlySpan<double> points, int dimension, int sampleSize, Random random)
    {
        _points = points;
        _dimension = dimension;
        _sampleSize = sampleSize;
        _heightLimit = (int)Math.Ceiling(Math.Log2(sampleSize));
        _random = random;
        _shuffled = [.. Enumerable.Range(0, points.Length / dimension)];
        _subsample = new int[sampleSize];
        var capacity = 2 * sampleSize;
        _feature = new int[capacity];
        _value = new double[capacity];
        _right = new int[capacity];
    }

    /// <summary>Grows one tree on a fresh subsample; returns its root node.</summary>
    public int GrowTree()
    {
        // A partial Fisher-Yates shuffle: the first sampleSize entries become a uniform sample without replacement.
        for (var i = 0; i < _sampleSize; i++)
        {
            var j = _random.Next(i, _shuffled.Length);
            (_shuffled[i], _shuffled[j]) = (_shuffled[j], _shuffled[i]);
            _subsample[i] = _shuffled[i];
        }

        return Grow(0, _sampleSize, 0);
    }

    /// <summary>The nodes grown so far, trimmed to their number.</summary>
    public readonly (int[] Feature, double[] Value, int[] Right) ToArrays() =>
        (_feature[.._nodes], _value[.._nodes], _right[.._nodes]);

    private int Grow(int start, int length, int depth)
    {
        var node = NewNode();
        if (depth >= _heightLimit || length <= 1 || !TryChooseSplit(start, length, out var feature, out var split))
        {
            _feature[node] = Leaf;
            _value[node] = depth + IsolationForest.AveragePathLength(length);
            return node;
        }

        var left = Partition(start, length, feature, split);
        _feature[node] = feature;
        _value[node] = split;
        Grow(start, left, depth + 1);
        _right[node] = Grow(start + left, length - left, depth + 1);
        return node;
    }

    /// <summary>
    /// A random feature and a random value strictly inside its range over the node's points. A feature that is
    /// constant there cannot split them, so the next one is tried; when all are constant the node is a leaf.
    /// </summary>
    private readonly bool TryChooseSplit(int start, int length, out int feature, out double split)
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

        (feature, split) = (Leaf, 0);
        return false;
    }

    private readonly (double Min, double Max) Range(int start, int length, int feature)
    {
        var min = double.PositiveInfinity;
        var max = double.NegativeInfinity;
        for (var i = start; i < start + length; i++)
        {
            var x = _points[(_subsample[i] * _dimension) + feature];
            min = Math.Min(min, x);
            max = Math.Max(max, x);
        }

        return (min, max);
    }

    /// <summary>Moves the points below <paramref name="split"/> to the front of the range; returns how many there are.</summary>
    private readonly int Partition(int start, int length, int feature, double split)
    {
        var left = start;
        for (var i = start; i < start + length; i++)
        {
            if (_points[(_subsample[i] * _dimension) + feature] < split)
            {
                (_subsample[left], _subsample[i]) = (_subsample[i], _subsample[left]);
                left++;
            }
        }

        return left - start;
    }

    private int NewNode()
    {
        if (_nodes == _feature.Length)
        {
            var capacity = _nodes * 2;
            Array.Resize(ref _feature, capacity);
            Array.Resize(ref _value, capacity);
            Array.Resize(ref _right, capacity);
        }

        return _nodes++;
    }
}
