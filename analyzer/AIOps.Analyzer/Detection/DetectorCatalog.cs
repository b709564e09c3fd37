namespace AIOps.Analyzer.Detection;

/// <summary>
/// The streaming detectors that evaluations (<c>aiops eval nab --detector NAME</c>) can run, by name. Add a
/// detector here as <c>["name"] = () =&gt; new MyDetector(...)</c>; each call must return a fresh instance.
/// </summary>
public static class DetectorCatalog
{
    /// <summary>The detector used when none is named.</summary>
    public const string Default = "ensemble";

    // Points after an alert in which only a stronger score alerts again (as the ensemble's default).
    private const int QuietPoints = 100;

    public static IReadOnlyDictionary<string, Func<IStreamingDetector>> Detectors { get; } =
        new Dictionary<string, Func<IStreamingDetector>>(StringComparer.Ordinal)
        {
            [Default] = EnsembleDetector.CreateDefault,

            // The same features weighted alike: what the weight on the value itself is worth.
            ["ensemble-equal"] = () => new EnsembleDetector(new EnsembleOptions { Weights = new EnsembleOptions().Weights.Keys.ToDictionary(f => f, _ => 1.0) }),
            ["spectral-residual"] = () => new NewMaximaOnly(new SpectralResidualDetector(), QuietPoints),
            ["seasonal-baseline"] = () => new NewMaximaOnly(new SeasonalBaselineDetector(), QuietPoints),
            ["change-point"] = () => new NewMaximaOnly(new ChangePointDetector(), QuietPoints),
            ["isolation-forest"] = () => new NewMaximaOnly(new IsolationForestDetector(), QuietPoints),
        };
}
