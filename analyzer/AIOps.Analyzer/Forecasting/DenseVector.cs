using System.Numerics;
using System.Runtime.InteropServices;

namespace AIOps.Analyzer.Forecasting;

/// <summary>The two vector kernels the spectral and least-squares fits spend their time in, SIMD-wide.</summary>
internal static class DenseVector
{
    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        b = b[..a.Length];
        var wide = MemoryMarshal.Cast<double, Vector<double>>(a);
        var wideB = MemoryMarshal.Cast<double, Vector<double>>(b);
        var sums = Vector<double>.Zero;
        for (var k = 0; k < wide.Length; k++)
        {
            sums += wide[k] * wideB[k];
        }

        var sum = Vector.Sum(sums);
        for (var i = wide.Length * Vector<double>.Count; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    /// <summary><paramref name="target"/> += <paramref name="scale"/> x <paramref name="source"/>.</summary>
    public static void AddScaled(Span<double> target, double scale, ReadOnlySpan<double> source)
    {
        source = source[..target.Length];
        var wide = MemoryMarshal.Cast<double, Vector<double>>(target);
        var wideSource = MemoryMarshal.Cast<double, Vector<double>>(source);
        var factor = new Vector<double>(scale);
        for (var k = 0; k < wide.Length; k++)
        {
            wide[k] += factor * wideSource[k];
        }

        for (var i = wide.Length * Vector<double>.Count; i < target.Length; i++)
        {
            target[i] += scale * source[i];
        }
    }
}
