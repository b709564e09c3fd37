using AIOps.Analyzer.Incidents;
using AIOps.Remediator.Actions;
using AIOps.Remediator.Policies;
using AIOps.Remediator.Reports;

namespace AIOps.Remediator.Tests.Reports;

public sealed class RemediationReportTests : IDisposable
{
    private static readonly DateOnly s_day = new(2026, 11, 20);
    private static readonly DateTimeOffset s_start = new(2026, 11, 20, 0, 0, 0, TimeSpan.Zero);
    private readonly string _directory = Directory.CreateTempSubdirectory("aiops-reports-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static Incident Incident(string id, DateTimeOffset opened, DateTimeOffset? resolved) => new()
    {
        Id = id, Status = resolved is null ? IncidentStatus.Open : IncidentStatus.Resolved, OpenedAt = opened, UpdatedAt = opened, ResolvedAt = resolved,
        Title = "Memory up on hotel", Services = ["hotel"], Signals = [], Timeline = [],
    };

    private static RemediationAction Action(string id, string incident, DateTimeOffset created, ActionState state, string reason) =>
        new RemediationAction
        {
            Id = id, Policy = "restart-leak", Mode = RemediationMode.Auto, Type = RemediationActionType.RestartInstance, Service = "hotel",
            Trigger = new ActionTrigger("incident", incident, "Memory up on hotel", []), Plan = new ActionPlan("restart hotel-1 (hotel)", null, null, []),
            State = ActionState.Proposed, CreatedAt = created, History = [new ActionTransition(ActionState.Proposed, created, "aiops", "matched")],
        }
        .MoveTo(ActionState.Approved, created, "aiops", "auto")
        .MoveTo(ActionState.Executing, created.AddSeconds(2), "aiops", "allowed")
        .MoveTo(ActionState.Verifying, created.AddSeconds(5), "aiops", "done")
        .MoveTo(state, created.AddMinutes(2), "aiops", reason);

    [Fact]
    public void Build_OneDay_CountsTimesAndWhatNeedsAPerson()
    {
        var incidents = new[]
        {
            Incident("i1", s_start.AddHours(3), s_start.AddHours(3).AddMinutes(4)),
            Incident("i2", s_start.AddHours(9), s_start.AddHours(9).AddMinutes(10)),
            Incident("i0", s_start.AddHours(-2), null),
        };
        var actions = new[]
        {
            Action("a1", "i1", s_start.AddHours(3).AddSeconds(40), ActionState.Succeeded, "recovered"),
            Action("a2", "i2", s_start.AddHours(9).AddSeconds(70), ActionState.Escalated, "hotel did not recover in time"),
            Action("a0", "i0", s_start.AddHours(-1), ActionState.Succeeded, "yesterday's"),
        };

        var report = RemediationReportBuilder.Build(s_day, incidents, actions, s_start.AddDays(1).AddMinutes(5));

        report.Should().BeEquivalentTo(new { IncidentsOpened = 2, IncidentsResolved = 2, MedianTimeToResolveS = 420.0, MedianTimeToActS = 57.0, Actions = 2 });
        report.ByState.Should().Equal(new Dictionary<string, int> { ["escalated"] = 1, ["succeeded"] = 1 });
        report.Attention.Should().ContainSingle().Which.Should().Be("09:01 a2 restart-leak on hotel: escalated: hotel did not recover in time");
    }

    [Fact]
    public void Reports_WriteThenRead_ByDay()
    {
        var reports = new RemediationReports(new RemediationOptions { DataDirectory = _directory });
        var report = RemediationReportBuilder.Build(s_day, [], [], s_start.AddDays(1));

        reports.Write(report);

        reports.Days().Should().Equal(s_day);
        reports.Read(s_day).Should().BeEquivalentTo(report);
        reports.Read(s_day.AddDays(1)).Should().BeNull();
    }
}
