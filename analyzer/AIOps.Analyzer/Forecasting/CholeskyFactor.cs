namespace AIOps.Analyzer.Forecasting;

/// <summary>
/// The lower-triangular L with L L' = M of a symmetric positive definite matrix, for solving ridge normal equations.
/// A pivot that rounding drives to zero or below is floored, so a nearly singular system still yields a solution.
/// </summary>
internal sealed class CholeskyFactor
{
    private readonly double[] _l;
    private readonly int _k;

    /// <param name="matrix">The k-by-k matrix, row-major; only its lower triangle is read.</param>
    /// <param name="k">The order.</param>
    public CholeskyFactor(ReadOnlySpan<double> matrix, int k)
    {
        _k = k;
        _l = new double[k * k];
        for (var j = 0; j < k; j++)
        {
            var rowJ = _l.AsSpan(j * k, j);
            var diagonal = matrix[(j * k) + j] - Dot(rowJ, rowJ);
            var floor = 1e-13 * Math.Max(1, Math.Abs(matrix[(j * k) + j]));
            var pivot = Math.Sqrt(Math.Max(diagonal, floor));
            _l[(j * k) + j] = pivot;
            for (var i = j + 1; i < k; i++)
            {
                var value = matrix[(i * k) + j] - Dot(_l.AsSpan(i * k, j), rowJ);
                _l[(i * k) + j] = value / pivot;
            }
        }
    }

    /// <summary>Overwrites <paramref name="x"/> with the solution v of L v = x.</summary>
    public void ForwardSolve(Span<double> x)
    {
        for (var i = 0; i < _k; i++)
        {
            x[i] = (x[i] - Dot(_l.AsSpan(i * _k, i), x[..i])) / _l[(i * _k) + i];
        }
    }

    /// <summary>The solution of M x = <paramref name="b"/>.</summary>
    public double[] Solve(ReadOnlySpan<double> b)
    {
        var x = b.ToArray();
        ForwardSolve(x);
        for (var i = _k - 1; i >= 0; i--)
        {
            var sum = x[i];
            for (var j = i + 1; j < _k; j++)
            {
                sum -= _l[(j * _k) + i] * x[j];
            }

            x[i] = sum / _l[(i * _k) + i];
        }

        return x;
    }

    /// <summary>The diagonal of M's inverse: column sums of squares of L's inverse.</summary>
    public double[] InverseDiagonal()
    {
        var diagonal = new double[_k];
        var unit = new double[_k];
        for (var j = 0; j < _k; j++)
        {
            Array.Clear(unit);
            unit[j] = 1;
            ForwardSolve(unit);
            diagonal[j] = Dot(unit, unit);
        }

        return diagonal;
    }

    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }
}
