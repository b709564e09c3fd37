using AIOps.Analyzer.RootCause;

namespace AIOps.Analyzer.Tests.RootCause;

public sealed class RootCauseAnalyzerTests
{
    private const long StartMs = 600_000;

    // Payment's own work takes 5 to 6 ms and the network into it 1 to 1.2 ms.
    private static IReadOnlyList<Hop> Normal(Random random) => SyntheticTraces.Booking(5 + random.NextDouble(), 1 + (0.2 * random.NextDouble()));

    // 200 normal bookings against 100 shaped by incident; no spans at all without it.
    private static IncidentEvidence Incident(
        Func<Random, IReadOnlyList<Hop>>? incident = null, IReadOnlyList<MetricSeries>? metrics = null, IReadOnlyList<ChangeEvent>? changes = null) =>
        new(StartMs,
            incident is null ? [] : SyntheticTraces.Window(200, 1, Normal),
            incident is null ? [] : SyntheticTraces.Window(100, 2, incident),
            metrics ?? [],
            changes ?? []);

    // A minute of CPU at 20 % before the start and half a minute after it, risen by rise; with a seed, up to 1 % of noise on top.
    private static MetricSeries Cpu(string service, double rise, int? seed = null)
    {
        var random = seed is { } s ? new Random(s) : null;
        return new(service, service + "_cpu", [.. Enumerable.Range(-60, 90).Select(t =>
            new MetricPoint(StartMs + (t * 1000), 20 + (random?.NextDouble() ?? 0) + (t >= 0 ? rise : 0)))]);
    }

    private static RankedCause Top(IncidentEvidence evidence)
    {
        var ranking = new RootCauseAnalyzer().Rank(evidence);
        ranking.Should().NotBeEmpty();
        return ranking[0];
    }

    [Fact]
    public void Rank_CallsToPaymentNeverReachIt_BlamesPaymentNotTheCallerWhoseCallFailed()
    {
        // The client spans name the service they call; in the incident the call fails with no server span below it.
        static List<RcaSpan> Tagged(List<RcaSpan> spans) => [.. spans.Select(s => s.Operation == "POST payment" ? s with { Peer = "payment" } : s)];
        var baseline = Tagged(SyntheticTraces.Window(200, 1, Normal));
        var incident = Tagged(SyntheticTraces.Window(100, 2, _ => SyntheticTraces.Booking(5, paymentFails: true)[..3]));
        incident.Should().NotContain(s => s.Service == "payment");

        var ranking = new RootCauseAnalyzer().Rank(new IncidentEvidence(StartMs, baseline, incident, [], []));

        ranking[0].Service.Should().Be("payment");
        ranking[0].Indicator.Should().Be("errors");
        ranking[0].Evidence[0].Subject.Should().Be("order -> payment");
        ranking[0].Evidence[0].Incident.Should().Be(1, "every call to payment failed before reaching it");
        ranking.Should().NotContain(c => c.Service == "order" && c.Evidence.Any(e => e.Kind == CauseEvidenceKind.Errors), "order's calls failed at payment, not in order");
    }

    [Fact]
    public void Rank_PaymentsOwnWorkSlows_BlamesPaymentsLatencyNotItsWaitingCallers()
    {
        var evidence = Incident(random => SyntheticTraces.Booking(50 + random.NextDouble()));
        evidence.IncidentSpans.Where(s => s.Service == "gateway").Should().OnlyContain(s => s.DurationNanos > 50 * SyntheticTraces.Ms, "callers wait on payment");

        var top = Top(evidence);

        top.Should().BeEquivalentTo(new { Service = "payment", Indicator = "latency", Operation = "POST /payments" });
        top.Evidence[0].Kind.Should().Be(CauseEvidenceKind.Latency);
    }

    [Fact]
    public void Rank_PaymentsOwnWorkSlows_TheDependencyWalkSettlesOnPayment()
    {
        var ranking = new RootCauseAnalyzer().Rank(Incident(random => SyntheticTraces.Booking(50 + random.NextDouble())));

        var walks = ranking.SelectMany(c => c.Evidence.Where(e => e.Subject == "dependency walk").Select(e => (c.Service, e.Incident))).ToList();
        walks.Should().NotBeEmpty();
        walks.MaxBy(w => w.Incident).Service.Should().Be("payment");
    }

    [Fact]
    public void Rank_NetworkDelayIntoPayment_BlamesPaymentsNetwork()
    {
        var top = Top(Incident(random => SyntheticTraces.Booking(5 + random.NextDouble(), 50 + (0.2 * random.NextDouble()))));

        top.Should().BeEquivalentTo(new { Service = "payment", Indicator = "network" });
        top.Evidence[0].Subject.Should().Be("order -> payment");
    }

    [Fact]
    public void Rank_CpuRisesOnOneServiceWithoutSpans_BlamesItsCpu()
    {
        var top = Top(Incident(metrics: [Cpu("gateway", 0, 1), Cpu("order", 0, 2), Cpu("payment", 30, 3)]));

        top.Should().BeEquivalentTo(new { Service = "payment", Indicator = "cpu" });
        top.Evidence.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Kind = CauseEvidenceKind.Metric, Subject = "payment_cpu" });
    }

    [Fact]
    public void Rank_PaymentFailsOfItsOwnAccord_BlamesPaymentsErrorsNotTheCallersThatPassThemOn()
    {
        var top = Top(Incident(random => SyntheticTraces.Booking(5 + random.NextDouble(), paymentFails: random.NextDouble() < 0.3)));

        top.Should().BeEquivalentTo(new { Service = "payment", Indicator = "errors", Operation = "POST /payments" });
    }

    [Fact]
    public void Rank_OneReplicaLeaksWhileAnotherAppeared_NamesTheLeakingReplicaNotTheNewOne()
    {
        // hotel's memory (the highest of its replicas) triples; of its replicas only hotel-1's did, and hotel-2 merely
        // appeared in the baseline (a scale-out long before): the restart must go to hotel-1.
        var memory = Memory("hotel", null, 130, 460);
        var leaking = Memory("hotel", "hotel-1", 130, 460);
        var steady = Memory("hotel", "hotel-2", 125, 126);
        var appeared = new ChangeEvent("hotel", "scale", StartMs - 50_000, "instance hotel-2 of hotel appeared beside 1 seen before it (telemetry)", "hotel-2");

        var top = Top(Incident(metrics: [memory, leaking, steady, Memory("flight", null, 131, 131)], changes: [appeared]));

        top.Should().BeEquivalentTo(new { Service = "hotel", Indicator = "memory", Instance = "hotel-1" });
        top.Evidence.Should().Contain(e => e.Subject == "hotel_memory of hotel-1" && e.Detail.Contains("no other instance moved half as much", StringComparison.Ordinal));
    }

    [Fact]
    public void Rank_EveryReplicaMovesAlike_NamesNoInstance()
    {
        var top = Top(Incident(metrics: [Memory("hotel", null, 130, 460), Memory("hotel", "hotel-1", 130, 460), Memory("hotel", "hotel-2", 128, 440)]));

        top.Should().BeEquivalentTo(new { Service = "hotel", Indicator = "memory" });
        top.Instance.Should().BeNull("a service-wide rise is no single replica's");
    }

    [Fact]
    public void Rank_LeakWhileOneItemQueued_NamesMemoryNotSaturation()
    {
        // A leaking hotel also queued one work item once: with the queue's floor that is noise, and the leak is the cause.
        var queue = new MetricSeries("hotel", "thread_pool_queue", [.. Enumerable.Range(-60, 90).Select(t =>
            new MetricPoint(StartMs + (t * 1000), t == 10 ? 1 : 0))], ScaleFloor: 5);

        var top = Top(Incident(metrics: [Memory("hotel", null, 130, 200), queue, Memory("flight", null, 131, 131)]));

        top.Should().BeEquivalentTo(new { Service = "hotel", Indicator = "memory" });
        top.Evidence[0].Subject.Should().Be("hotel_memory");
        top.Evidence.Where(e => e.Subject == "thread_pool_queue").Should().OnlyContain(e => e.Score < 1);
    }

    // A minute of memory (MiB) at before, then half a minute at after; a little noise from the instance's name.
    private static MetricSeries Memory(string service, string? instance, double before, double after)
    {
        var random = new Random((instance ?? service).Length);
        return new(service, service + "_memory", [.. Enumerable.Range(-60, 90).Select(t =>
            new MetricPoint(StartMs + (t * 1000), (t >= 0 ? after : before) + random.NextDouble()))], instance);
    }

    [Fact]
    public void Rank_ChangeAlone_IsACandidateWithItsChangeAndInstance()
    {
        var change = new ChangeEvent("payment", "deploy", StartMs - 60_000, "payment 1.4 -> 1.5", "payment-7d9f");

        var ranking = new RootCauseAnalyzer().Rank(Incident(changes: [change]));

        ranking.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Service = "payment", Score = 1.0, Indicator = "change", Instance = "payment-7d9f" });
        ranking[0].Evidence.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Kind = CauseEvidenceKind.Change, Subject = "deploy", Detail = change.Description });
    }

    [Fact]
    public void Rank_NothingMoved_IsEmpty()
    {
        var steady = SyntheticTraces.Booking(5);
        var evidence = new IncidentEvidence(StartMs, SyntheticTraces.Window(50, 1, _ => steady), SyntheticTraces.Window(50, 2, _ => steady), [Cpu("payment", 0)], []);

        new RootCauseAnalyzer().Rank(evidence).Should().BeEmpty();
    }

    [Fact]
    public void Rank_MetricsOfServicesThatServedNoSpan_AreLeftOutWhenThereAreTraces()
    {
        var evidence = Incident(Normal, metrics: [Cpu("mongo", 30, 1), Cpu("order", 5, 2)]);

        var ranking = new RootCauseAnalyzer().Rank(evidence);

        ranking.Select(c => c.Service).Should().NotContain("mongo");
        ranking[0].Should().BeEquivalentTo(new { Service = "order", Indicator = "cpu" });
        ranking[0].Operation.Should().BeNull("order stood out on its CPU, not on what one of its operations did");
    }

    [Fact]
    public void Rank_SameEvidenceTwice_RanksAlikeWithScoresUpToOneAtTheTop()
    {
        var evidence = Incident(
            random => SyntheticTraces.Booking(20 + random.NextDouble(), paymentFails: random.NextDouble() < 0.1),
            [Cpu("gateway", 1, 1), Cpu("order", 3, 2), Cpu("payment", 2, 3)],
            [new ChangeEvent("order", "restart", StartMs, "restarted")]);

        var first = new RootCauseAnalyzer().Rank(evidence);
        var second = new RootCauseAnalyzer().Rank(evidence);

        second.Should().BeEquivalentTo(first, o => o.WithStrictOrdering());
        first.Select(c => c.Service).Should().OnlyHaveUniqueItems().And.HaveCountGreaterThan(1);
        first[0].Score.Should().Be(1);
        first.Select(c => c.Score).Should().BeInDescendingOrder().And.OnlyContain(s => s > 0 && s <= 1);
    }
}
