namespace AIOps.Analyzer.Forecasting;

/// <summary>
/// The trajectory (Hankel) matrix of singular spectrum analysis, whose columns are the lagged windows
/// <c>x[j..j + window)</c>, used without building it: its lag-covariance comes from one pass and a recursion
/// along the diagonals, and a reconstruction touches only the columns it needs.
/// </summary>
public static class TrajectoryMatrix
{
    /// <summary>
    /// <c>C = X X'</c> for the window x columns trajectory matrix X of <paramref name="series"/>, row-major:
    /// O(window x columns) for the first row, O(window^2) for the rest, since
    /// <c>C[i, j] = C[i - 1, j - 1] - x[i - 1] x[j - 1] + x[i - 1 + K] x[j - 1 + K]</c>.
    /// </summary>
    public static double[] LagCovariance(ReadOnlySpan<double> series, int window)
    {
        var columns = series.Length - window + 1;
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        var c = new double[window * window];
        for (var j = 0; j < window; j++)
        {
            c[j] = DenseVector.Dot(series[..columns], series.Slice(j, columns));
        }

        for (var i = 1; i < window; i++)
        {
            for (var j = i; j < window; j++)
            {
                c[(i * window) + j] = c[((i - 1) * window) + j - 1]
                    - (series[i - 1] * series[j - 1])
                    + (series[i - 1 + columns] * series[j - 1 + columns]);
            }

            for (var j = 0; j < i; j++)
            {
                c[(i * window) + j] = c[(j * window) + i];
            }
        }

        return c;
    }

    /// <summary>
    /// The last <c>window - 1</c> points before <paramref name="end"/> of each elementary reconstructed
    /// component: the lagged windows that end before <paramref name="end"/> are projected on each vector of
    /// <paramref name="basis"/> (orthonormal, each of length window) and averaged along the anti-diagonals.
    /// Their sum over the first r vectors is the series reconstructed from those r. Needs
    /// <c>end &gt;= 2 window - 2</c>.
    /// </summary>
    public static double[][] TailComponents(ReadOnlySpan<double> series, int end, IReadOnlyList<double[]> basis)
    {
        ArgumentNullException.ThrowIfNull(basis);
        var window = basis[0].Length;
        var first = end - window + 1;
        ArgumentOutOfRangeException.ThrowIfLessThan(first - window + 1, 0, nameof(end));
        var components = new double[basis.Count][];
        for (var r = 0; r < basis.Count; r++)
        {
            components[r] = new double[window - 1];
        }

        for (var j = first - window + 1; j <= end - window; j++)
        {
            var column = series.Slice(j, window);
            for (var r = 0; r < basis.Count; r++)
            {
                var u = basis[r];
                // Entries i >= first - j of the projected window fall on points first + (j + i - first).
                var skip = first - j;
                DenseVector.AddScaled(components[r].AsSpan(0, window - skip), DenseVector.Dot(u, column), u.AsSpan(skip));
            }
        }

        // Point first + k lies on the anti-diagonals of end - (first + k) of those windows.
        foreach (var tail in components)
        {
            for (var k = 0; k < tail.Length; k++)
            {
                tail[k] /= end - first - k;
            }
        }

        return components;
    }
}
