using System.ComponentModel.DataAnnotations;
using AIOps.Analyzer.Detection;
using AIOps.Analyzer.Signals;

namespace AIOps.Analyzer.Analysis;

/// <summary>The live analysis' settings (section "Analysis"): how often, what counts as a signal, how signals group.</summary>
public sealed class AnalysisOptions
{
    public const string SectionName = "Analysis";

    public bool Enabled { get; set; } = true;

    /// <summary>Where incidents are kept (incidents.db).</summary>
    [Required]
    public string DataDirectory { get; set; } = ".data";

    /// <summary>How often the analysis runs.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long after a 10-second window ends it is analysed (spans arrive in batches, a little late).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan SettleDelay { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>History replayed into the detectors at start, so a restart does not begin blind.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan Backfill { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Steps the median baseline covers.</summary>
    [Range(3, 10_000)]
    public int BaselineSteps { get; set; } = 60;

    /// <summary>Steps a detector sees before it reports.</summary>
    [Range(3, 10_000)]
    public int WarmUpSteps { get; set; } = 30;

    /// <summary>Steps of history the detectors' "recent range" covers.</summary>
    [Range(10, 1_000_000)]
    public int HorizonSteps { get; set; } = 2160;

    /// <summary>Steps back to normal before a signal ends.</summary>
    [Range(1, 1000)]
    public int ClearSteps { get; set; } = 3;

    /// <summary>
    /// Steps in a row a departure must last before it is a signal: one slow window is a blip, and a stall of a few
    /// seconds can straddle two; three (30 s) is a trend.
    /// </summary>
    [Range(1, 1000)]
    public int ConfirmSteps { get; set; } = 3;

    /// <summary>Requests a window needs before its p95 latency and error rate are judged.</summary>
    [Range(1, 1_000_000)]
    public int MinRequests { get; set; } = 5;

    /// <summary>Requests a window needs before its p99 latency is judged (fewer, and one slow request is the p99).</summary>
    [Range(1, 1_000_000)]
    public int MinRequestsP99 { get; set; } = 30;

    /// <summary>Also watch each operation with enough traffic, not only each service.</summary>
    public bool Operations { get; set; } = true;

    [Range(1.0, 100.0)]
    public double LatencyRatio { get; set; } = 1.5;

    [Range(0.0, 1e6)]
    public double LatencyMinIncreaseMs { get; set; } = 25;

    [Range(0.0, 1.0)]
    public double ErrorRateMinIncrease { get; set; } = 0.05;

    [Range(0.0, 1.0)]
    public double RateDropRatio { get; set; } = 0.5;

    [Range(0.0, 1e9)]
    public double CpuMinIncreaseCores { get; set; } = 0.5;

    [Range(1.0, 100.0)]
    public double MemoryRatio { get; set; } = 1.5;

    /// <summary>Work items the thread-pool queue must hold above its baseline (see <see cref="SignificanceRules.ThreadPoolQueueMinIncrease"/>).</summary>
    [Range(1.0, 1e6)]
    public double ThreadPoolQueueMinIncrease { get; set; } = 20;

    /// <summary>Signals that start within this of an incident's last activity, on linked services, join it.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00")]
    public TimeSpan GroupWindow { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>An incident resolves once every signal has been quiet this long.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan ResolveAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The window before an incident's first signal that root-cause ranking compares the incident with.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "06:00:00")]
    public TimeSpan RootCauseBaseline { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The longest incident window ranked, from the first signal on.</summary>
    [Range(typeof(TimeSpan), "00:00:30", "06:00:00")]
    public TimeSpan RootCauseWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often an open incident's causes are ranked again while it is young.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan RootCauseInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long after it opens an incident's causes keep being ranked again (the last ranking stays).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan RootCauseRerankFor { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Spans read at most per window (baseline, incident); above it, a sample of whole traces.</summary>
    [Range(1_000, 10_000_000)]
    public int RootCauseMaxSpans { get; set; } = 250_000;

    /// <summary>How often request-rate forecasts are refreshed.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00")]
    public TimeSpan ForecastInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The forecasts' step.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00")]
    public TimeSpan ForecastStep { get; set; } = TimeSpan.FromMinutes(1);

    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan ForecastHorizon { get; set; } = TimeSpan.FromHours(2);

    /// <summary>History a forecast is fitted on.</summary>
    [Range(typeof(TimeSpan), "00:10:00", "365.00:00:00")]
    public TimeSpan ForecastHistory { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The traffic's daily cycle (the demo compresses a day into an hour).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan Season { get; set; } = TimeSpan.FromDays(1);

    public SignificanceRules Rules() => new()
    {
        LatencyRatio = LatencyRatio,
        LatencyMinIncreaseMs = LatencyMinIncreaseMs,
        ErrorRateMinIncrease = ErrorRateMinIncrease,
        RateDropRatio = RateDropRatio,
        CpuMinIncreaseCores = CpuMinIncreaseCores,
        MemoryRatio = MemoryRatio,
        ThreadPoolQueueMinIncrease = ThreadPoolQueueMinIncrease,
    };

    /// <summary>
    /// The ensemble for 10-second steps: a shorter horizon and warm-up than the NAB default, no season search, and
    /// ranges without their wildest 1 % (a service's first slow requests must not hide a later fault for hours). No
    /// quiet period: a signal already makes one event one alert, and a fault back minutes after its signal cleared
    /// (an intermittent fault, or the next one) must be a signal again, not hidden until it is worse than the last.
    /// The level held over the confirming steps is a view of its own, weighed like the value: a slowdown held for
    /// 30 s is judged against the levels held that long before, so a few lone slow windows (a GC pause, one slow
    /// request among twenty) do not hide it.
    /// </summary>
    public EnsembleOptions Detector()
    {
        var defaults = new EnsembleOptions();
        var sustained = defaults.Weights[NoveltyFeature.Value];
        return defaults with
        {
            HorizonPoints = HorizonSteps,
            WarmUpPoints = Math.Min(WarmUpSteps, HorizonSteps),
            QuietPoints = 0,
            MaxSeasonHistory = 0,
            TrimFraction = 0.01,
            SustainPoints = ConfirmSteps,
            Weights = new Dictionary<NoveltyFeature, double>(defaults.Weights)
            {
                [NoveltyFeature.SustainedRise] = sustained,
                [NoveltyFeature.SustainedFall] = sustained,
            },
        };
    }
}
