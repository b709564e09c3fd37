using AIOps.Analyzer.Incidents;
using AIOps.Analyzer.Signals;

namespace AIOps.Analyzer.Tests.Incidents;

public sealed class IncidentCorrelatorTests
{
    private const long Minute = 60_000;
    private static readonly Func<string, string, bool> s_gatewayCallsHotel = (a, b) => (a, b) is ("gateway", "hotel") or ("hotel", "gateway");

    private static IncidentCorrelator Correlator()
    {
        var next = 0;
        return new IncidentCorrelator(TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(2), _ => $"inc-{++next}");
    }

    private static SignalChange Start(string service, Indicator indicator, long atMs) =>
        new(SignalChangeKind.Started, new Signal { Key = new IndicatorKey(service, null, indicator), StartedMs = atMs, Baseline = 30, Peak = 300, Last = 300, Score = 0.9 });

    private static SignalChange End(SignalChange started, long atMs) =>
        new(SignalChangeKind.Ended, started.Signal with { EndedMs = atMs });

    [Fact]
    public void Apply_SignalsOnLinkedServices_GroupIntoOneIncident()
    {
        var correlator = Correlator();
        var hotel = Start("hotel", Indicator.LatencyP95, 0);
        var gateway = Start("gateway", Indicator.LatencyP99, Minute / 2);

        var opened = correlator.Apply([hotel], s_gatewayCallsHotel, 0);
        var updated = correlator.Apply([gateway], s_gatewayCallsHotel, Minute / 2);

        opened.Should().ContainSingle().Which.Title.Should().Contain("hotel");
        updated.Should().ContainSingle().Which.Id.Should().Be(opened[0].Id);
        updated[0].Services.Should().Equal("hotel", "gateway");
        updated[0].Signals.Should().HaveCount(2);
        updated[0].Status.Should().Be(IncidentStatus.Open);
    }

    [Fact]
    public void Apply_SignalsStartingTogether_GroupThroughTheServiceThatLinksThem()
    {
        var correlator = Correlator();
        Func<string, string, bool> orderCallsUserAndPayment = (a, b) => (a, b) is ("order", "user") or ("user", "order") or ("order", "payment") or ("payment", "order");

        var opened = correlator.Apply(
            [Start("user", Indicator.ErrorRate, 0), Start("payment", Indicator.ErrorRate, 0), Start("order", Indicator.ErrorRate, 0)],
            orderCallsUserAndPayment,
            0);

        opened.Should().ContainSingle().Which.Services.Should().BeEquivalentTo(["order", "user", "payment"]);
    }

    [Fact]
    public void Apply_SignalOnAnUnlinkedService_OpensAnotherIncident()
    {
        var correlator = Correlator();

        var first = correlator.Apply([Start("hotel", Indicator.LatencyP95, 0)], s_gatewayCallsHotel, 0);
        var second = correlator.Apply([Start("flight", Indicator.ErrorRate, Minute)], s_gatewayCallsHotel, Minute);

        second.Should().ContainSingle().Which.Id.Should().NotBe(first[0].Id);
        correlator.OpenCount.Should().Be(2);
    }

    [Fact]
    public void Apply_AllSignalsQuietForTheResolveDelay_ResolvesTheIncident()
    {
        var correlator = Correlator();
        var hotel = Start("hotel", Indicator.LatencyP95, 0);
        correlator.Apply([hotel], s_gatewayCallsHotel, 0);
        correlator.Apply([End(hotel, 2 * Minute)], s_gatewayCallsHotel, 2 * Minute);

        correlator.Apply([], s_gatewayCallsHotel, (3 * Minute) + 59_000).Should().BeEmpty("two minutes have not passed yet");
        var resolved = correlator.Apply([], s_gatewayCallsHotel, 4 * Minute);

        resolved.Should().ContainSingle().Which.Status.Should().Be(IncidentStatus.Resolved);
        resolved[0].ResolvedAt.Should().Be(DateTimeOffset.FromUnixTimeMilliseconds(4 * Minute));
        resolved[0].Timeline.Select(e => e.Kind).Should().Equal("opened", "cleared", "resolved");
        correlator.OpenCount.Should().Be(0);
    }

    [Fact]
    public void Apply_LinkedSignalAfterTheGroupWindow_OpensANewIncident()
    {
        var correlator = Correlator();
        var hotel = Start("hotel", Indicator.LatencyP95, 0);
        correlator.Apply([hotel], s_gatewayCallsHotel, 0);
        correlator.Apply([End(hotel, Minute)], s_gatewayCallsHotel, Minute);

        var later = correlator.Apply([Start("gateway", Indicator.LatencyP95, (4 * Minute) + 1)], s_gatewayCallsHotel, (4 * Minute) + 1);

        later.Should().HaveCount(2, "the old incident resolves and a new one opens");
        later.Should().ContainSingle(i => i.Status == IncidentStatus.Open).Which.Services.Should().Equal("gateway");
    }

    [Fact]
    public void Resume_IncidentLeftOpen_TakesLinkedSignalsAndResolvesLater()
    {
        var first = Correlator();
        var saved = first.Apply([Start("hotel", Indicator.LatencyP95, 0)], s_gatewayCallsHotel, 0)[0];
        var restarted = Correlator();

        restarted.Resume(saved);
        var joined = restarted.Apply([Start("gateway", Indicator.LatencyP95, Minute)], s_gatewayCallsHotel, Minute);

        joined.Should().ContainSingle().Which.Id.Should().Be(saved.Id);
        joined[0].Signals.Should().HaveCount(2);
    }
}
