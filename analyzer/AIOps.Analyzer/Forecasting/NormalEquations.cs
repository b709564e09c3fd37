namespace AIOps.Analyzer.Forecasting;

/// <summary>
/// The sufficient statistics of a least-squares fit, X'X, X'y and y'y, accumulated row by row in one pass
/// (n k^2 / 2 products, skipping zero regressors) so that any number of penalised solves cost only k^3.
/// </summary>
internal sealed class NormalEquations
{
    public NormalEquations(AdditiveModelDesign design, ReadOnlySpan<double> y)
    {
        var k = design.Columns;
        Columns = k;
        Gram = new double[k * k];
        Moments = new double[k];
        var x = new double[k];
        for (var t = 0; t < y.Length; t++)
        {
            design.Row(t, x);
            Squares += y[t] * y[t];
            for (var i = 0; i < k; i++)
            {
                var xi = x[i];
                if (xi == 0)
                {
                    continue;
                }

                Moments[i] += xi * y[t];
                var row = Gram.AsSpan(i * k, i + 1);
                for (var j = 0; j <= i; j++)
                {
                    row[j] += xi * x[j];
                }
            }
        }

        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < i; j++)
            {
                Gram[(j * k) + i] = Gram[(i * k) + j];
            }
        }
    }

    public int Columns { get; }

    /// <summary>X'X, row-major.</summary>
    public double[] Gram { get; }

    /// <summary>X'y.</summary>
    public double[] Moments { get; }

    /// <summary>y'y.</summary>
    public double Squares { get; }

    /// <summary>The residual sum of squares of coefficients <paramref name="beta"/>: y'y - 2 b'X'y + b'X'X b.</summary>
    public double ResidualSumOfSquares(ReadOnlySpan<double> beta)
    {
        var quadratic = 0.0;
        for (var i = 0; i < Columns; i++)
        {
            quadratic += beta[i] * Dot(Gram.AsSpan(i * Columns, Columns), beta);
        }

        return Math.Max(0, Squares - (2 * Dot(beta, Moments)) + quadratic);
    }

    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }
}
