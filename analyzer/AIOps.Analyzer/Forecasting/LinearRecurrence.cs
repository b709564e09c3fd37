namespace AIOps.Analyzer.Forecasting;

/// <summary>
/// The linear recurrence that every series in the span of an SSA basis satisfies, for recurrent (R-)
/// forecasting: with pi the basis vectors' last entries and nu^2 = sum pi^2, the next value is
/// <c>sum_j a_j y[t - window + 1 + j]</c> with <c>a = sum_i pi_i u_i[0..window - 1) / (1 - nu^2)</c>.
/// </summary>
public sealed class LinearRecurrence
{
    // Above this verticality the last coordinate is nearly in the span and the coefficients explode.
    private const double MaxVerticality = 0.99;

    private readonly double[] _coefficients;

    private LinearRecurrence(double[] coefficients) => _coefficients = coefficients;

    /// <summary>How many past values a step uses: the window minus one.</summary>
    public int Order => _coefficients.Length;

    /// <summary>The recurrence of an orthonormal basis, or null when its verticality makes it unstable.</summary>
    public static LinearRecurrence? FromBasis(IReadOnlyList<double[]> basis)
    {
        ArgumentNullException.ThrowIfNull(basis);
        var window = basis[0].Length;
        var verticality = basis.Sum(u => u[window - 1] * u[window - 1]);
        if (verticality >= MaxVerticality)
        {
            return null;
        }

        var coefficients = new double[window - 1];
        foreach (var u in basis)
        {
            var pi = u[window - 1] / (1 - verticality);
            DenseVector.AddScaled(coefficients, pi, u);
        }

        return new LinearRecurrence(coefficients);
    }

    /// <summary>The next <paramref name="horizon"/> values after <paramref name="tail"/>, the last <see cref="Order"/> values.</summary>
    public double[] Continue(ReadOnlySpan<double> tail, int horizon)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(tail.Length, Order);
        var values = new double[Order + horizon];
        tail.CopyTo(values);
        for (var t = Order; t < values.Length; t++)
        {
            values[t] = DenseVector.Dot(_coefficients, values.AsSpan(t - Order, Order));
        }

        return values[Order..];
    }
}
