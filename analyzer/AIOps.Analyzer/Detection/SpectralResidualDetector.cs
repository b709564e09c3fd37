namespace AIOps.Analyzer.Detection;

/// <summary>
/// Spectral residual saliency (Ren et al., "Time-Series Anomaly Detection Service at Microsoft", KDD 2019), made
/// streaming: the last <c>window</c> points, extended by a few points extrapolated from the recent slope so that
/// the newest point is not at the edge, go through an FFT; the log amplitude spectrum minus its local average
/// (the "spectral residual") is transformed back with the original phases, giving a saliency map in which
/// points that break the series' usual shape stand out. <see cref="Saliency"/> is the newest point's saliency
/// relative to the average saliency of the points before it (0 for an ordinary point); the score maps it to [0, 1].
/// Causal and pure; one FFT pair per point.
/// </summary>
public sealed class SpectralResidualDetector : IStreamingDetector
{
    private const int Extrapolated = 5;
    private const int SpectrumSmoothing = 3;
    private const int SaliencyAverage = 21;

    private readonly int _size;
    private readonly Fft _fft;
    private readonly double[] _history;
    private readonly double[] _re;
    private readonly double[] _im;
    private readonly double[] _logAmplitude;
    private int _count;

    /// <param name="transformSize">The FFT size, a power of two; the window is this less the extrapolated points.</param>
    public SpectralResidualDetector(int transformSize = 64)
    {
        _size = transformSize;
        _fft = new Fft(transformSize);
        _history = new double[transformSize - Extrapolated];
        _re = new double[transformSize];
        _im = new double[transformSize];
        _logAmplitude = new double[transformSize];
    }

    /// <summary>The newest point's relative saliency: (saliency - local mean) / local mean, at least 0.</summary>
    public double Saliency { get; private set; }

    public double Update(long timestampMs, double value)
    {
        var window = _history.Length;
        Array.Copy(_history, 1, _history, 0, window - 1);
        _history[window - 1] = value;
        _count++;
        if (_count < window)
        {
            Saliency = 0;
            return 0;
        }

        Saliency = ComputeSaliency();
        return 1 - Math.Exp(-Saliency / 3);
    }

    private double ComputeSaliency()
    {
        var window = _history.Length;
        // The window goes on with the trend of the points before the newest, so that the newest point is not at
        // the edge of the transform and a spike on it is not mistaken for the start of a new level.
        var anchor = _history[window - 2];
        var gradient = 0.0;
        for (var i = 1; i <= Extrapolated; i++)
        {
            gradient += (anchor - _history[window - 2 - i]) / i;
        }

        gradient /= Extrapolated;
        var next = anchor + gradient;
        for (var i = 0; i < _size; i++)
        {
            _re[i] = i < window ? _history[i] : next;
            _im[i] = 0;
        }

        _fft.Transform(_re, _im, inverse: false);
        for (var i = 0; i < _size; i++)
        {
            _logAmplitude[i] = Math.Log(Math.Max(Math.Sqrt((_re[i] * _re[i]) + (_im[i] * _im[i])), 1e-12));
        }

        for (var i = 0; i < _size; i++)
        {
            var amplitude = Math.Exp(_logAmplitude[i]);
            var sum = 0.0;
            for (var k = -(SpectrumSmoothing / 2); k <= SpectrumSmoothing / 2; k++)
            {
                sum += _logAmplitude[Math.Clamp(i + k, 0, _size - 1)];
            }

            var residual = _logAmplitude[i] - (sum / SpectrumSmoothing);
            var scale = amplitude < 1e-12 ? 0 : Math.Exp(residual) / amplitude;
            _re[i] *= scale;
            _im[i] *= scale;
        }

        _fft.Transform(_re, _im, inverse: true);
        var newest = Magnitude(window - 1);
        var mean = 0.0;
        for (var i = window - 1 - SaliencyAverage; i < window - 1; i++)
        {
            mean += Magnitude(i);
        }

        mean /= SaliencyAverage;
        return mean <= 1e-12 ? 0 : Math.Max(0, (newest - mean) / mean);
    }

    private double Magnitude(int i) => Math.Sqrt((_re[i] * _re[i]) + (_im[i] * _im[i]));
}
