using System.Text.Json;
using AIOps.Dashboard.Chaos;
using static AIOps.Dashboard.Tests.Chaos.ChaosFixtures;

namespace AIOps.Dashboard.Tests.Chaos;

public sealed class ChaosReportTests
{
    private static readonly ChaosEvaluation s_evaluation = ChaosScorer.Score(new ChaosRecording(
        1234,
        [Run(1, "hotel", "latency", 100, 60, 400, seen: "i-1", seenAt: 152), Run(2, "order", "cpu", 500, 60, 800)],
        [Incident("i-1", 140, "hotel", "gateway"), Incident("i-2", 450, "user")],
        At(0),
        At(900)));

    [Fact]
    public void ToJson_HasTheIssuesKeys_ByFault_Seed_AndPerCaseResults()
    {
        using var json = JsonDocument.Parse(ChaosReport.ToJson(s_evaluation, 901.23));
        var root = json.RootElement;

        root.GetProperty("seed").GetInt32().Should().Be(1234);
        root.GetProperty("cases").GetInt32().Should().Be(2);
        root.GetProperty("detected").GetInt32().Should().Be(1);
        root.GetProperty("ac1").GetDouble().Should().Be(0.5);
        root.GetProperty("ac3").GetDouble().Should().Be(0.5);
        root.GetProperty("ac5").GetDouble().Should().Be(0.5);
        root.GetProperty("detection_delay_s").GetDouble().Should().Be(40);
        root.GetProperty("visible_delay_s").GetDouble().Should().Be(52);
        root.GetProperty("false_incidents").GetInt32().Should().Be(1);
        root.GetProperty("quiet_s").GetDouble().Should().Be(300);
        root.GetProperty("seconds").GetDouble().Should().Be(901.2);
        root.GetProperty("by_fault").GetProperty("cpu").GetProperty("detection_delay_s").ValueKind.Should().Be(JsonValueKind.Null);
        root.GetProperty("by_fault").GetProperty("latency").GetProperty("ac1").GetDouble().Should().Be(1);
        root.GetProperty("false_incident_list")[0].GetProperty("id").GetString().Should().Be("i-2");

        var first = root.GetProperty("results")[0];
        first.GetProperty("case").GetInt32().Should().Be(1);
        first.GetProperty("service").GetString().Should().Be("hotel");
        first.GetProperty("fault").GetString().Should().Be("latency");
        first.GetProperty("detected").GetBoolean().Should().BeTrue();
        first.GetProperty("incident").GetString().Should().Be("i-1");
        first.GetProperty("detection_delay_s").GetDouble().Should().Be(40);
        first.GetProperty("visible_delay_s").GetDouble().Should().Be(52);
        first.GetProperty("rank").GetInt32().Should().Be(1);
        first.GetProperty("causes").EnumerateArray().Select(c => c.GetString()).Should().Equal("hotel", "gateway");
        first.GetProperty("instances")[0].GetString().Should().Be("hotel-1");
        first.GetProperty("injected_at").GetDateTimeOffset().Should().Be(At(100));
        root.GetProperty("results")[1].GetProperty("detected").GetBoolean().Should().BeFalse();
        root.GetProperty("stopped").ValueKind.Should().Be(JsonValueKind.Null, "the run went to the plan's end");
    }

    [Fact]
    public void ToTable_HasAnOverallRowOnePerFaultEachCaseAndTheFalseIncidents()
    {
        var table = ChaosReport.ToTable(s_evaluation, 901);

        table.Should().StartWith("Chaos on the travel platform: 2 cases, seed 1234")
            .And.MatchRegex(@"(?m)^fault\s+cases\s+detected\s+delay s\s+seen s\s+AC@1\s+AC@3\s+AC@5")
            .And.MatchRegex(@"(?m)^all\s+2\s+1/2\s+40\.0\s+52\.0\s+0\.50\s+0\.50\s+0\.50")
            .And.MatchRegex(@"(?m)^cpu\s+1\s+0/1\s+-\s+-\s+0\.00")
            .And.MatchRegex(@"(?m)^latency\s+1\s+1/1\s+40\.0\s+52\.0\s+1\.00")
            .And.Contain("false incidents: 1 in 5.0 min without a fault")
            .And.Contain("#1 latency on hotel, 60 s: i-1 after 40 s (seen after 52 s), hotel ranked 1")
            .And.Contain("#2 cpu on order, 60 s: not detected")
            .And.NotContain("no causes")
            .And.Contain("false: i-2 opened 08:07:30 on user: title of i-2")
            .And.NotContain("stopped");
    }

    [Fact]
    public void StoppedRun_ReportsTheCasesItRanAndWhyItStopped()
    {
        const string Why = "case #2 could not run: no instance of promotion is registered";
        var evaluation = ChaosScorer.Score(new ChaosRecording(7, [Run(1, "hotel", "latency", 100, 60, 400)], [Incident("i-1", 140, "hotel")], At(0), At(450), Why));

        evaluation.Overall.Cases.Should().Be(1);
        ChaosReport.ToTable(evaluation, 450).Should().Contain("#1 latency on hotel, 60 s: i-1 after 40 s, hotel ranked 1").And.EndWith($"stopped before the plan's end: {Why}{Environment.NewLine}(7.5 min)");
        using var json = JsonDocument.Parse(ChaosReport.ToJson(evaluation, 450));
        json.RootElement.GetProperty("stopped").GetString().Should().Be(Why);
        json.RootElement.GetProperty("ac1").GetDouble().Should().Be(1);
    }

    [Fact]
    public void CaseInjectedWhileAnIncidentWasOpen_IsReportedAsSuch()
    {
        // The warm-up's incident i-0 outlived the driver's wait; the fault's signals joined it, so none opened.
        var run = Run(1, "hotel", "latency", 100, 60, 400) with { OpenAtInjection = ["i-0"] };
        var evaluation = ChaosScorer.Score(new ChaosRecording(3, [run, Run(2, "order", "cpu", 500, 60, 800)], [Incident("i-0", 50, "flight")], At(0), At(900)));

        ChaosReport.ToTable(evaluation, 900).Should().Contain("#1 latency on hotel, 60 s: not detected (i-0 open at the injection)")
            .And.Contain("#2 cpu on order, 60 s: not detected" + Environment.NewLine);
        using var json = JsonDocument.Parse(ChaosReport.ToJson(evaluation, 900));
        var results = json.RootElement.GetProperty("results");
        results[0].GetProperty("open_at_injection").EnumerateArray().Select(i => i.GetString()).Should().Equal("i-0");
        results[1].GetProperty("open_at_injection").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public void ToTable_IncidentWithoutCauses_SaysSo()
    {
        var evaluation = ChaosScorer.Score(new ChaosRecording(1, [Run(1, "hotel", "error", 100, 60, 400)], [Incident("i-1", 130)], At(0), At(400)));

        ChaosReport.ToTable(evaluation, 400).Should().Contain("#1 error on hotel, 60 s: i-1 after 30 s, hotel not ranked (the incident has no causes)");
    }
}
