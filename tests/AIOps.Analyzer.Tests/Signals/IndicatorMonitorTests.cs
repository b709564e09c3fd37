using AIOps.Analyzer.Analysis;
using AIOps.Analyzer.Detection;
using AIOps.Analyzer.Signals;

namespace AIOps.Analyzer.Tests.Signals;

public sealed class IndicatorMonitorTests
{
    private const long Step = 10_000;
    private static readonly EnsembleOptions s_detector = new() { HorizonPoints = 2160, WarmUpPoints = 30, QuietPoints = 30, MaxSeasonHistory = 0 };

    private static IndicatorMonitor Monitor(Indicator indicator) =>
        new(new IndicatorKey("hotel", null, indicator), new SignificanceRules(), s_detector, baselineSteps: 60, clearSteps: 3);

    private static List<SignalChange> Feed(IndicatorMonitor monitor, IEnumerable<double> values, int offset = 0) =>
        [.. values.Select((v, i) => monitor.Observe((offset + i) * Step, v)).OfType<SignalChange>()];

    private static IEnumerable<double> Latency(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => 30 + (random.NextDouble() * 8));
    }

    [Fact]
    public void Observe_LatencyFault_StartsOneSignalAndEndsItWhenLatencyRecovers()
    {
        var monitor = Monitor(Indicator.LatencyP95);
        var values = Latency(100, 1).Concat(Enumerable.Repeat(330.0, 12)).Concat(Latency(20, 2)).ToList();

        var changes = Feed(monitor, values);

        changes.Should().HaveCount(2);
        changes[0].Kind.Should().Be(SignalChangeKind.Started);
        changes[0].Signal.StartedMs.Should().Be(100 * Step, "the first slow step starts the signal");
        changes[0].Signal.Baseline.Should().BeInRange(30, 38);
        changes[1].Kind.Should().Be(SignalChangeKind.Ended);
        changes[1].Signal.EndedMs.Should().Be(114 * Step, "three normal steps end it");
        changes[1].Signal.Peak.Should().Be(330);
        monitor.Active.Should().BeNull();
    }

    [Fact]
    public void Observe_WithConfirmation_OneSlowWindowIsABlip_TwoAreASignal()
    {
        var blip = new IndicatorMonitor(new IndicatorKey("hotel", null, Indicator.LatencyP95), new SignificanceRules(), s_detector, 60, 3, confirmSteps: 2);
        var trend = new IndicatorMonitor(new IndicatorKey("hotel", null, Indicator.LatencyP95), new SignificanceRules(), s_detector, 60, 3, confirmSteps: 2);
        var normal = Latency(100, 8).ToList();

        Feed(blip, normal.Append(400).Concat(Latency(10, 9))).Should().BeEmpty();
        var changes = Feed(trend, normal.Append(400).Append(380));

        changes.Should().ContainSingle().Which.Signal.Should().Match<Signal>(s => s.StartedMs == 100 * Step && s.Peak == 400);
    }

    [Fact]
    public void Observe_SecondFaultNoWorseThanTheFirst_IsASignalAgain()
    {
        var monitor = new IndicatorMonitor(new IndicatorKey("order", null, Indicator.LatencyP95), new SignificanceRules(), s_detector, 60, 3, confirmSteps: 3);
        var values = Latency(100, 10).Concat(Enumerable.Repeat(420.0, 9)).Concat(Latency(60, 11)).Concat(Enumerable.Repeat(380.0, 8)).ToList();

        var started = Feed(monitor, values).Where(c => c.Kind == SignalChangeKind.Started).ToList();

        started.Should().HaveCount(2, "the first fault's 420 ms is not what order's latency normally is, so 380 ms later is a fault too");
        started[1].Signal.StartedMs.Should().Be(169 * Step);
        started[1].Signal.Baseline.Should().BeInRange(30, 38);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(20)]
    public void Observe_LiveSettings_FaultBackSoonAfterItsSignalCleared_IsASignalAgain(int normalSteps)
    {
        var live = new AnalysisOptions();
        var monitor = new IndicatorMonitor(new IndicatorKey("order", null, Indicator.LatencyP95), live.Rules(), live.Detector(), live.BaselineSteps, live.ClearSteps, live.ConfirmSteps);
        var values = Latency(200, 12).Concat(Enumerable.Repeat(420.0, 8)).Concat(Latency(normalSteps, 13)).Concat(Enumerable.Repeat(380.0, 8)).ToList();

        var changes = Feed(monitor, values);

        changes.Select(c => c.Kind).Should().Equal(
            [SignalChangeKind.Started, SignalChangeKind.Ended, SignalChangeKind.Started],
            "an intermittent fault is still a fault, and the next fault minutes later is one too");
        changes[2].Signal.StartedMs.Should().Be((208 + normalSteps) * Step);
    }

    [Fact]
    public void Observe_LiveSettings_SlowdownBelowEarlierLoneSlowWindows_IsASignalFromItsFirstStep()
    {
        // Chaos seed 2611, case 17: order's p95 held 376 ms for 70 s; lone slow windows before it (373 ms to 10 s, a
        // few of them, none a signal) had stretched the range of single windows past it.
        var live = new AnalysisOptions();
        var monitor = new IndicatorMonitor(new IndicatorKey("order", null, Indicator.LatencyP95), live.Rules(), live.Detector(), live.BaselineSteps, live.ClearSteps, live.ConfirmSteps);
        var values = Latency(560, 14).ToList();
        foreach (var (step, ms) in new[] { (40, 1515.0), (150, 1756.0), (180, 373.0), (330, 10163.0), (345, 875.0), (400, 737.0), (500, 10494.0) })
        {
            values[step] = ms;
        }

        values.AddRange([371, 376, 376, 376, 376, 376, 376, 371]);

        var changes = Feed(monitor, values);

        var started = changes.Should().ContainSingle(c => c.Kind == SignalChangeKind.Started).Subject.Signal;
        started.StartedMs.Should().Be(560 * Step, "the three slow steps that confirm it are its start");
        started.Baseline.Should().BeInRange(30, 38);
    }

    [Fact]
    public void Observe_LiveSettings_StarvedQueueConsumer_IsASignal()
    {
        // Chaos seed 2611, case 26: 32 blocking work items starved notification's pool for 76 s. It serves no
        // requests, so only its thread-pool queue showed it: 32 held, where it idles at 0 to 2.
        var live = new AnalysisOptions();
        var monitor = new IndicatorMonitor(new IndicatorKey("notification", null, Indicator.ThreadPoolQueue), live.Rules(), live.Detector(), live.BaselineSteps, live.ClearSteps, live.ConfirmSteps);
        var random = new Random(15);
        var values = Enumerable.Range(0, 300).Select(_ => random.Next(10) == 0 ? (double)random.Next(1, 3) : 0).Concat(Enumerable.Repeat(32.0, 8)).Concat(Enumerable.Repeat(0.0, 10)).ToList();

        var changes = Feed(monitor, values);

        changes.Select(c => c.Kind).Should().Equal(SignalChangeKind.Started, SignalChangeKind.Ended);
        changes[0].Signal.StartedMs.Should().Be(300 * Step);
    }

    [Fact]
    public void Observe_SmallButRecordLatency_IsNotASignal()
    {
        var monitor = Monitor(Indicator.LatencyP95);
        var values = Latency(100, 3).Append(45).ToList();

        Feed(monitor, values).Should().BeEmpty("45 ms against 34 ms is a record but not 25 ms worse");
    }

    [Fact]
    public void Observe_TrafficSurge_IsNotASignal_ButTrafficLoss_Is()
    {
        var surge = Monitor(Indicator.RequestRate);
        var loss = Monitor(Indicator.RequestRate);
        var normal = Latency(100, 4).Select(v => v / 3).ToList();

        Feed(surge, normal.Concat(Enumerable.Repeat(40.0, 10))).Should().BeEmpty("a flash sale is the business working");
        var changes = Feed(loss, normal.Concat(Enumerable.Repeat(0.0, 10)));

        changes.Should().ContainSingle(c => c.Kind == SignalChangeKind.Started);
    }

    [Fact]
    public void Observe_BeforeTheDetectorWarmsUp_StaysQuiet()
    {
        var monitor = Monitor(Indicator.LatencyP95);

        Feed(monitor, Latency(20, 5).Append(900)).Should().BeEmpty();
    }

    [Fact]
    public void Observe_OutOfOrderOrNonFinite_IsIgnored()
    {
        var monitor = Monitor(Indicator.LatencyP95);
        Feed(monitor, Latency(50, 6));

        monitor.Observe(10 * Step, 900).Should().BeNull();
        monitor.Observe(60 * Step, double.NaN).Should().BeNull();
        monitor.LastMs.Should().Be(49 * Step);
    }

    // A compressed day of 90 steps: a night trough at a tenth of the evening peak, Poisson-like noise.
    private static IEnumerable<double> DailyRate(int days, int seed, Func<int, double>? change = null)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, days * 90).Select(t =>
        {
            var phase = 2 * Math.PI * (t % 90) / 90;
            var rate = 20 + (18 * Math.Sin(phase)) + 1;
            rate *= change?.Invoke(t) ?? 1;
            return Math.Max(0, rate + (Math.Sqrt(rate) * 0.3 * ((random.NextDouble() * 2) - 1)));
        });
    }

    private static IndicatorMonitor SeasonalRateMonitor() =>
        new(new IndicatorKey("flight", null, Indicator.RequestRate), new SignificanceRules(), s_detector, 60, 3, confirmSteps: 2, seasonSteps: 90);

    [Fact]
    public void Observe_RequestRateFallingIntoTheNightlyTrough_IsNoSignalWhenTheCycleIsKnown()
    {
        var changes = Feed(SeasonalRateMonitor(), DailyRate(days: 3, seed: 5));

        changes.Should().BeEmpty("each night is compared with the night before, not with the evening");
    }

    [Fact]
    public void Observe_RequestRateHalvedAtMidday_OnTheSecondDay_IsASignalAgainstYesterday()
    {
        var changes = Feed(SeasonalRateMonitor(), DailyRate(days: 3, seed: 6, t => t is >= 110 and < 130 ? 0.2 : 1));

        changes.Should().Contain(c => c.Kind == SignalChangeKind.Started);
        var started = changes.First(c => c.Kind == SignalChangeKind.Started).Signal;
        started.StartedMs.Should().BeInRange(110 * Step, 112 * Step);
        started.Baseline.Should().BeGreaterThan(25, "yesterday at this time");
    }

    [Fact]
    public void Observe_RequestRateDrop_OnTheFirstDay_WaitsForACycleBeforeJudging()
    {
        var changes = Feed(SeasonalRateMonitor(), DailyRate(days: 1, seed: 7, t => t is >= 40 and < 60 ? 0.2 : 1));

        changes.Should().BeEmpty("without a cycle seen a falling rate may be the day's shape");
    }

    [Fact]
    public void Observe_FlashSaleYesterday_DoesNotMakeTodaysNormalTrafficADrop()
    {
        var changes = Feed(SeasonalRateMonitor(), DailyRate(days: 3, seed: 8, t => t is >= 20 and < 22 ? 3 : 1));

        changes.Should().BeEmpty("the reference is a median over the steps around the same time");
    }
}
