namespace AIOps.Analyzer.Forecasting;

/// <summary>
/// Eigenvalues and eigenvectors of a small dense symmetric matrix by cyclic Jacobi rotations: simple and
/// accurate, and cheap at the few dozen rows of a Lanczos tridiagonal matrix.
/// </summary>
public static class JacobiEigen
{
    private const int MaxSweeps = 60;

    /// <summary>Eigenvalues in descending order; column i of <c>Vectors</c> is the unit eigenvector of value i.</summary>
    public static (double[] Values, double[,] Vectors) Decompose(double[,] matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var n = matrix.GetLength(0);
        var a = new double[n * n];
        var v = new double[n * n]; // row i is the i-th eigenvector (column i of V), so rotations touch rows only
        for (var i = 0; i < n; i++)
        {
            v[(i * n) + i] = 1;
            for (var j = 0; j < n; j++)
            {
                a[(i * n) + j] = matrix[i, j];
            }
        }

        var total = a.Sum(x => x * x);
        for (var sweep = 0; sweep < MaxSweeps && OffDiagonal(a, n) > 1e-28 * total; sweep++)
        {
            for (var p = 0; p < n - 1; p++)
            {
                for (var q = p + 1; q < n; q++)
                {
                    if (a[(p * n) + q] != 0)
                    {
                        Rotate(a, v, n, p, q);
                    }
                }
            }
        }

        var order = Enumerable.Range(0, n).OrderByDescending(i => a[(i * n) + i]).ToArray();
        var values = new double[n];
        var vectors = new double[n, n];
        for (var k = 0; k < n; k++)
        {
            values[k] = a[(order[k] * n) + order[k]];
            for (var i = 0; i < n; i++)
            {
                vectors[i, k] = v[(order[k] * n) + i];
            }
        }

        return (values, vectors);
    }

    // Zeroes a[p, q] by the rotation J with tan = t (A <- J'AJ, V <- VJ): rows p and q change, and by symmetry
    // columns p and q mirror them.
    private static void Rotate(double[] a, double[] v, int n, int p, int q)
    {
        var apq = a[(p * n) + q];
        var theta = (a[(q * n) + q] - a[(p * n) + p]) / (2 * apq);
        var t = (theta >= 0 ? 1 : -1) / (Math.Abs(theta) + Math.Sqrt((theta * theta) + 1));
        var c = 1 / Math.Sqrt((t * t) + 1);
        var s = t * c;
        var app = a[(p * n) + p] - (t * apq);
        var aqq = a[(q * n) + q] + (t * apq);
        RotateRows(a.AsSpan(p * n, n), a.AsSpan(q * n, n), c, s);
        RotateRows(v.AsSpan(p * n, n), v.AsSpan(q * n, n), c, s);
        for (var k = 0; k < n; k++)
        {
            a[(k * n) + p] = a[(p * n) + k];
            a[(k * n) + q] = a[(q * n) + k];
        }

        a[(p * n) + p] = app;
        a[(q * n) + q] = aqq;
        a[(p * n) + q] = a[(q * n) + p] = 0;
    }

    private static void RotateRows(Span<double> p, Span<double> q, double c, double s)
    {
        for (var k = 0; k < p.Length; k++)
        {
            var (x, y) = (p[k], q[k]);
            p[k] = (c * x) - (s * y);
            q[k] = (s * x) + (c * y);
        }
    }

    private static double OffDiagonal(double[] a, int n)
    {
        var sum = 0.0;
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                sum += a[(i * n) + j] * a[(i * n) + j];
            }
        }

        return sum;
    }
}
