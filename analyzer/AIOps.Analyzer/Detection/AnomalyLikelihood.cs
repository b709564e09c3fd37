namespace AIOps.Analyzer.Detection;

/// <summary>
/// Turns a raw deviation stream into a calibrated score: how unlikely the average of the last few raw
/// values is, given the distribution of raw values over a long history (the idea behind Numenta's
/// anomaly likelihood). A series that is always noisy stops alarming; a quiet one that jumps alarms
/// at once. The score is 1 minus the normal tail probability, on a log scale so that 0.5 is about
/// 1e-5 and 1 is 1e-10 or rarer. Causal and pure.
/// </summary>
internal sealed class AnomalyLikelihood(int shortWindow = 10, int longWindow = 2000, int warmUp = 300)
{
    private readonly Queue<double> _short = new();
    private readonly Queue<double> _long = new();
    private double _shortSum;
    private double _longSum;
    private double _longSquares;

    public double Update(double raw)
    {
        _short.Enqueue(raw);
        _shortSum += raw;
        if (_short.Count > shortWindow)
        {
            _shortSum -= _short.Dequeue();
        }

        var score = 0.0;
        if (_long.Count >= warmUp)
        {
            var mean = _longSum / _long.Count;
            var variance = Math.Max((_longSquares / _long.Count) - (mean * mean), 1e-12);
            var z = ((_shortSum / _short.Count) - mean) / Math.Sqrt(variance);
            var tail = 0.5 * Erfc(z / Math.Sqrt(2));
            score = Math.Clamp(Math.Log(Math.Max(tail, 1e-300)) / Math.Log(1e-10), 0, 1);
        }

        _long.Enqueue(raw);
        _longSum += raw;
        _longSquares += raw * raw;
        if (_long.Count > longWindow)
        {
            var old = _long.Dequeue();
            _longSum -= old;
            _longSquares -= old * old;
        }

        return score;
    }

    /// <summary>The complementary error function (Numerical Recipes' Chebyshev fit, relative error below 1.2e-7).</summary>
    private static double Erfc(double x)
    {
        double[] c = [0.17087277, -0.82215223, 1.48851587, -1.13520398, 0.27886807, -0.18628806, 0.09678418, 0.37409196, 1.00002368, -1.26551223];
        var z = Math.Abs(x);
        var t = 1 / (1 + (0.5 * z));
        var polynomial = 0.0;
        foreach (var coefficient in c)
        {
            polynomial = (polynomial * t) + coefficient;
        }

        var r = t * Math.Exp(-(z * z) + polynomial);
        return x >= 0 ? r : 2 - r;
    }
}
