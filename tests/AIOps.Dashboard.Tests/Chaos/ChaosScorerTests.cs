using AIOps.Dashboard.Chaos;
using static AIOps.Dashboard.Tests.Chaos.ChaosFixtures;

namespace AIOps.Dashboard.Tests.Chaos;

public sealed class ChaosScorerTests
{
    [Fact]
    public void Score_FirstIncidentInTheDetectionWindow_DetectsTheCaseWithItsDelayAndRank()
    {
        // Injected at 100 s for 60 s: the detection window is [100, 190), the case settles at 400.
        var evaluation = Score([Run(1, "hotel", "latency", 100, 60, 400)], [Incident("late", 150, "order"), Incident("first", 140, "gateway", "hotel")]);

        var result = evaluation.Results.Should().ContainSingle().Subject;
        result.Incident!.Id.Should().Be("first");
        result.DelaySeconds.Should().Be(40);
        result.Rank.Should().Be(2);
        result.TopCause.Should().Be("gateway");
        result.OtherIncidents.Select(i => i.Id).Should().Equal("late");
        evaluation.FalseIncidents.Should().BeEmpty();
    }

    [Theory]
    [InlineData(99.9)]
    [InlineData(190)]
    [InlineData(250)]
    public void Score_IncidentOutsideTheDetectionWindow_IsNoDetection(double openedAt)
    {
        var evaluation = Score([Run(1, "hotel", "latency", 100, 60, 400)], [Incident("i", openedAt, "hotel")]);

        evaluation.Results[0].Detected.Should().BeFalse();
        evaluation.Results[0].Rank.Should().Be(0);
        evaluation.Overall.Accuracy.Ac(5).Should().Be(0, "an undetected fault is a miss at every k");
    }

    [Fact]
    public void Score_IncidentAfterTheDetectionWindowBeforeTheCaseSettled_IsTheCasesAftermathNotFalse()
    {
        var evaluation = Score([Run(1, "hotel", "latency", 100, 60, 400)], [Incident("aftermath", 250, "hotel")]);

        evaluation.Results[0].OtherIncidents.Should().ContainSingle();
        evaluation.FalseIncidents.Should().BeEmpty();
    }

    [Fact]
    public void Score_IncidentsInQuietTime_AreFalse_ThoseBeforeTheObservationAreNot()
    {
        var evaluation = Score(
            [Run(1, "hotel", "latency", 100, 60, 400), Run(2, "order", "error", 500, 60, 800)],
            [Incident("before", -10, "hotel"), Incident("quiet", 50, "user"), Incident("between", 450, "user"), Incident("at-settle", 800, "user"), Incident("after", 900, "user")]);

        evaluation.FalseIncidents.Select(i => i.Id).Should().Equal("quiet", "between", "at-settle");
        evaluation.QuietTime.Should().Be(TimeSpan.FromSeconds(850 - 300 - 300));
    }

    [Fact]
    public void Score_IncidentWithoutCauses_IsDetectedButRanksNowhere()
    {
        var evaluation = Score([Run(1, "hotel", "latency", 100, 60, 400)], [Incident("i", 140)]);

        evaluation.Overall.Detected.Should().Be(1);
        evaluation.Overall.Accuracy.Ac(1).Should().Be(0);
        evaluation.Overall.Accuracy.Ac(5).Should().Be(0);
    }

    [Fact]
    public void Score_Summaries_AcAtKOverEveryCaseDelaysOverTheDetected_ByFaultKind()
    {
        var evaluation = Score(
            [
                Run(1, "hotel", "latency", 1000, 60, 1300),
                Run(2, "order", "latency", 2000, 60, 2300),
                Run(3, "user", "cpu", 3000, 60, 3300),
                Run(4, "payment", "cpu", 4000, 60, 4300),
            ],
            [
                Incident("a", 1030, "hotel"),
                Incident("b", 2050, "gateway", "promotion", "order"),
                Incident("c", 3070, "user"),
            ]);

        evaluation.Overall.Cases.Should().Be(4);
        evaluation.Overall.Detected.Should().Be(3);
        evaluation.Overall.Accuracy.Ac(1).Should().Be(0.5);
        evaluation.Overall.Accuracy.Ac(3).Should().Be(0.75);
        evaluation.Overall.MeanDelaySeconds.Should().Be(50);
        evaluation.Overall.MaxDelaySeconds.Should().Be(70);
        evaluation.ByFault.Keys.Should().BeEquivalentTo("latency", "cpu");
        evaluation.ByFault["latency"].Accuracy.Ac(1).Should().Be(0.5);
        evaluation.ByFault["cpu"].Detected.Should().Be(1);
        evaluation.ByFault["cpu"].MeanDelaySeconds.Should().Be(70);
        evaluation.Seed.Should().Be(11);
    }

    [Fact]
    public void Score_VisibleDelay_IsToWhenTheDriverSawTheDetectingIncident()
    {
        var evaluation = Score(
            [
                Run(1, "hotel", "latency", 1000, 60, 1300, seen: "a", seenAt: 1042),
                Run(2, "order", "latency", 2000, 60, 2300, seen: "b", seenAt: 2061),
                Run(3, "user", "cpu", 3000, 60, 3300, seen: "early-listed", seenAt: 3050),
            ],
            [Incident("a", 1030, "hotel"), Incident("b", 2050, "order"), Incident("c", 3040, "user"), Incident("early-listed", 3045, "user")]);

        evaluation.Results.Select(r => r.VisibleDelaySeconds).Should().Equal(42, 61, null);
        evaluation.Results[2].DelaySeconds.Should().Be(40, "the case's detection is the incident opened first, which the driver did not see first");
        evaluation.Overall.MeanVisibleDelaySeconds.Should().Be(51.5);
    }

    [Fact]
    public void Score_NothingDetected_DelaysAreNull()
    {
        var evaluation = Score([Run(1, "hotel", "latency", 100, 60, 400)], []);

        evaluation.Overall.MeanDelaySeconds.Should().BeNull();
        evaluation.Overall.MaxDelaySeconds.Should().BeNull();
        evaluation.Overall.MeanVisibleDelaySeconds.Should().BeNull();
    }

    private static ChaosEvaluation Score(IReadOnlyList<ChaosCaseRun> runs, IReadOnlyList<ChaosIncident> incidents) =>
        ChaosScorer.Score(new ChaosRecording(11, runs, incidents, At(0), runs.Count == 0 ? At(0) : runs[^1].SettledAt.AddSeconds(50)));
}
