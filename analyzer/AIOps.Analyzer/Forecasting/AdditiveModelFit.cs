namespace AIOps.Analyzer.Forecasting;

/// <summary>
/// The maximum a posteriori coefficients of <see cref="AdditiveModelDesign"/> on a centred, scaled series: Laplace
/// priors on the slope changes, normal priors on the rest, and the noise variance estimated alongside. Each pass
/// solves a ridge system (normal equations plus the noise variance times each prior's precision) by Cholesky, then
/// re-derives the slope changes' precisions from their new values (iteratively reweighted ridge, which converges to
/// the L1-penalised solution) and the noise variance from the residual sum of squares.
/// </summary>
internal sealed class AdditiveModelFit
{
    private const int MaxPasses = 40;
    private const double Epsilon = 1e-4;
    private const double Jitter = 1e-10;
    private readonly AdditiveModelDesign _design;
    private readonly double[] _beta;
    private readonly CholeskyFactor _posterior;
    private readonly double _changeScale;

    public AdditiveModelFit(AdditiveModelDesign design, ReadOnlySpan<double> y, AdditiveModelOptions options)
    {
        _design = design;
        var k = design.Columns;
        var n = y.Length;
        var equations = new NormalEquations(design, y);
        var tau = options.ChangePointPriorScale;
        var precision = PriorPrecisions(design, options);
        var variance = Math.Max(equations.Squares / n, 1e-12);
        var system = new double[k * k];
        var beta = new double[k];
        CholeskyFactor factor = null!;
        var rss = 0.0;
        for (var pass = 0; pass < MaxPasses; pass++)
        {
            equations.Gram.CopyTo(system, 0);
            for (var j = 0; j < k; j++)
            {
                system[(j * k) + j] += (variance * precision[j]) + Jitter;
            }

            factor = new CholeskyFactor(system, k);
            var next = factor.Solve(equations.Moments);
            rss = equations.ResidualSumOfSquares(next);
            var nextVariance = Math.Max(rss / n, 1e-12);
            var settled = pass > 0 && MaxChange(beta, next) < 1e-7 && Math.Abs(nextVariance - variance) <= 1e-6 * variance;
            (beta, variance) = (next, nextVariance);
            if (settled)
            {
                break;
            }

            // |d| / tau is bounded by d^2 / (2 tau |d_prev|) + |d_prev| / (2 tau): a ridge weight that tracks the L1 penalty.
            for (var j = 0; j < design.ChangePointCount; j++)
            {
                precision[2 + j] = 1 / (tau * Math.Sqrt((beta[2 + j] * beta[2 + j]) + (Epsilon * Epsilon)));
            }
        }

        // Degrees of freedom used: the hat matrix's trace, k less what the priors hold back.
        var inverse = factor.InverseDiagonal();
        var held = 0.0;
        for (var j = 0; j < k; j++)
        {
            held += ((variance * precision[j]) + Jitter) * inverse[j];
        }

        _beta = beta;
        _posterior = factor;
        NoiseVariance = rss / Math.Max(1, n - (k - held));
        _changeScale = design.ChangePointCount == 0 ? 0 : beta.AsSpan(2, design.ChangePointCount).ToArray().Average(Math.Abs);
    }

    /// <summary>The variance of the noise around the components, allowing for the degrees of freedom the fit used.</summary>
    public double NoiseVariance { get; }

    /// <summary>The components' value at step <paramref name="t"/>.</summary>
    public double Mean(int t)
    {
        var x = new double[_design.Columns];
        _design.Row(t, x);
        return NormalEquations.Dot(x, _beta);
    }

    /// <summary>
    /// The components' value at step <paramref name="t"/> and its variance, from the coefficients' posterior and from
    /// slope changes still to come; the noise's own variance is <see cref="NoiseVariance"/>.
    /// </summary>
    /// <param name="t">The step, from the history's start.</param>
    /// <param name="ahead">Steps beyond the last fitted point.</param>
    public (double Mean, double Variance) Predict(int t, int ahead)
    {
        var x = new double[_design.Columns];
        _design.Row(t, x);
        var mean = NormalEquations.Dot(x, _beta);
        _posterior.ForwardSolve(x);
        var leverage = NormalEquations.Dot(x, x);

        // Slope changes keep arriving at the history's rate (one per candidate per history span) with Laplace sizes of
        // the fitted mean size b; one at scaled time c moves the trend at u by d (u - c), so the drift's variance is
        // rate * 2 b^2 * u^3 / 3.
        var u = ahead / _design.TimeSpan;
        var drift = _design.ChangePointCount * 2 * _changeScale * _changeScale * u * u * u / 3;
        return (mean, (NoiseVariance * leverage) + drift);
    }

    // Prior precisions in units of the noise variance; the slope changes start from the Laplace prior's variance 2 tau^2.
    private static double[] PriorPrecisions(AdditiveModelDesign design, AdditiveModelOptions options)
    {
        var precision = new double[design.Columns];
        precision[0] = precision[1] = 1.0 / 25;
        for (var j = 0; j < design.ChangePointCount; j++)
        {
            precision[2 + j] = 1 / (2 * options.ChangePointPriorScale * options.ChangePointPriorScale);
        }

        for (var j = 0; j < design.SeasonalCount; j++)
        {
            precision[design.SeasonalStart + j] = 1 / (options.SeasonalityPriorScale * options.SeasonalityPriorScale);
        }

        if (design.EventColumn >= 0)
        {
            precision[design.EventColumn] = 1 / (options.EventPriorScale * options.EventPriorScale);
        }

        return precision;
    }

    private static double MaxChange(double[] a, double[] b)
    {
        var max = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            max = Math.Max(max, Math.Abs(a[i] - b[i]));
        }

        return max;
    }
}
