namespace AIOps.Analyzer.Detection;

/// <summary>
/// An isolation forest over a stream of points: each point is scored against the forest grown from the recent
/// window, then joins the window; every <c>rebuildEvery</c> points the forest is grown again from the last
/// <c>windowPoints</c> points, so that what is normal follows the stream (a new regime stops looking anomalous
/// within about a window). Scores are those of <see cref="IsolationForest.Score"/> (about 0.5 typical, near 1
/// anomalous), and 0 before the first forest. Pure and deterministic given the options' seed.
/// </summary>
public sealed class StreamingIsolationForest
{
    private readonly int _dimension;
    private readonly int _rebuildEvery;
    private readonly int _firstAfter;
    private readonly IsolationForestOptions _options;
    private readonly double[] _window;
    private int _held;
    private int _next;
    private long _added;
    private int _builds;

    /// <param name="dimension">The number of values in a point.</param>
    /// <param name="windowPoints">The most recent points the forest is grown from.</param>
    /// <param name="rebuildEvery">Points between two forests.</param>
    /// <param name="options">Trees, subsample size and seed of each forest.</param>
    /// <param name="firstAfter">Points before the first forest (default: <paramref name="rebuildEvery"/>); a first forest
    /// from a short window is crude but better than none.</param>
    public StreamingIsolationForest(int dimension, int windowPoints = 1024, int rebuildEvery = 1024, IsolationForestOptions? options = null, int? firstAfter = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(windowPoints, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(rebuildEvery, 2);
        _options = options ?? new IsolationForestOptions();
        _options.Validate();
        _dimension = dimension;
        _rebuildEvery = rebuildEvery;
        _firstAfter = firstAfter ?? rebuildEvery;
        ArgumentOutOfRangeException.ThrowIfLessThan(_firstAfter, 2, nameof(firstAfter));
        _window = new double[windowPoints * dimension];
    }

    /// <summary>The forest new points are scored against; null before the first is grown.</summary>
    public IsolationForest? Forest { get; private set; }

    /// <summary>Scores <paramref name="point"/> against the current forest, then adds it to the window.</summary>
    public double Update(ReadOnlySpan<double> point)
    {
        IsolationForest.ValidatePoint(point, _dimension);
        var score = Forest?.Score(point) ?? 0;
        point.CopyTo(_window.AsSpan(_next * _dimension, _dimension));
        var capacity = _window.Length / _dimension;
        _next = (_next + 1) % capacity;
        _held = Math.Min(_held + 1, capacity);
        _added++;
        if (_added == _firstAfter || (_added > _firstAfter && (_added - _firstAfter) % _rebuildEvery == 0))
        {
            // Each forest has its own seed, derived from the configured one so that runs repeat.
            var seed = unchecked(_options.Seed + (_builds++ * 7919));
            Forest = IsolationForest.Build(_window.AsSpan(0, _held * _dimension), _dimension, _options, seed);
        }

        return score;
    }
}
