namespace AIOps.Analyzer.Forecasting;

/// <summary>
/// The largest eigenvalues of a symmetric matrix and their unit eigenvectors, by Lanczos iteration with full
/// reorthogonalisation: a few dozen matrix-vector products instead of a full decomposition, which keeps
/// singular spectrum analysis of a lag-covariance matrix with hundreds of rows within milliseconds.
/// </summary>
public static class LeadingEigenpairs
{
    /// <param name="matrix">A symmetric <paramref name="size"/> x <paramref name="size"/> matrix, row-major.</param>
    /// <param name="size">The number of rows.</param>
    /// <param name="count">How many leading pairs; fewer come back when the matrix's range is smaller.</param>
    public static (double[] Values, double[][] Vectors) Compute(double[] matrix, int size, int count)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var steps = Math.Min(size, count + 16);
        var basis = new List<double[]>(steps);
        var alphas = new List<double>(steps);
        var betas = new List<double>(steps);
        var scale = Math.Sqrt(matrix.Sum(x => x * x));
        var q = StartVector(size);
        while (basis.Count < steps)
        {
            basis.Add(q);
            var w = Multiply(matrix, size, q);
            alphas.Add(DenseVector.Dot(q, w));

            // Against every earlier vector, twice: plain Lanczos loses orthogonality as Ritz values converge.
            for (var pass = 0; pass < 2; pass++)
            {
                foreach (var b in basis)
                {
                    DenseVector.AddScaled(w, -DenseVector.Dot(b, w), b);
                }
            }

            var beta = Math.Sqrt(DenseVector.Dot(w, w));
            if (beta <= 1e-12 * scale || basis.Count == steps)
            {
                break;
            }

            betas.Add(beta);
            q = [.. w.Select(x => x / beta)];
        }

        var k = basis.Count;
        var tridiagonal = new double[k, k];
        for (var i = 0; i < k; i++)
        {
            tridiagonal[i, i] = alphas[i];
            if (i + 1 < k)
            {
                tridiagonal[i, i + 1] = tridiagonal[i + 1, i] = betas[i];
            }
        }

        var (values, vectors) = JacobiEigen.Decompose(tridiagonal);
        var take = Math.Min(count, k);
        var ritz = new double[take][];
        for (var r = 0; r < take; r++)
        {
            ritz[r] = new double[size];
            for (var j = 0; j < k; j++)
            {
                DenseVector.AddScaled(ritz[r], vectors[j, r], basis[j]);
            }
        }

        return (values[..take], ritz);
    }

    // Deterministic and far from orthogonal to any smooth or periodic eigenvector.
    private static double[] StartVector(int size)
    {
        var v = new double[size];
        for (var i = 0; i < size; i++)
        {
            v[i] = 1 + ((i * 0.6180339887498949) % 1);
        }

        var norm = Math.Sqrt(DenseVector.Dot(v, v));
        return [.. v.Select(x => x / norm)];
    }

    private static double[] Multiply(double[] matrix, int size, double[] x)
    {
        var y = new double[size];
        for (var i = 0; i < size; i++)
        {
            y[i] = DenseVector.Dot(matrix.AsSpan(i * size, size), x);
        }

        return y;
    }
}
