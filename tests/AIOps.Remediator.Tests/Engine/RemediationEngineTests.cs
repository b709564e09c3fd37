using AIOps.Analyzer.Changes;
using AIOps.Analyzer.Incidents;
using AIOps.Analyzer.RootCause;
using AIOps.Analyzer.Signals;
using AIOps.Remediator.Actions;
using AIOps.Remediator.Alertmanager;
using AIOps.Remediator.Drivers;
using AIOps.Remediator.Engine;
using AIOps.Remediator.Policies;
using AIOps.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace AIOps.Remediator.Tests.Engine;

public sealed class RemediationEngineTests : IDisposable
{
    private static readonly DateTimeOffset s_t0 = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);
    private readonly string _directory = Directory.CreateTempSubdirectory("aiops-engine-").FullName;
    private readonly ManualTimeProvider _time = new(s_t0);
    private readonly FakeDriver _driver = new();
    private readonly ChangeEventLog _changes = new();
    private readonly ActionLog _log;
    private PolicySet _set;
    private readonly RemediationEngine _engine;

    public RemediationEngineTests()
    {
        _driver.Services["hotel"] = new ServiceReplicas(2, 2, ["hotel-1", "hotel-2"]);
        _log = new ActionLog(Path.Combine(_directory, "actions.jsonl"));
        _set = Policies(RemediationMode.Auto);
        _engine = new RemediationEngine(() => _set, _driver, _log, _time, NullLogger<RemediationEngine>.Instance, _changes);
    }

    public void Dispose()
    {
        _engine.Dispose();
        _log.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private static PolicySet Policies(RemediationMode mode, bool killSwitch = false, params FreezeWindow[] freezes) => new()
    {
        KillSwitch = killSwitch,
        Freezes = freezes,
        Limits = new SafetyLimits { ApprovalExpiry = TimeSpan.FromMinutes(15) },
        Policies =
        [
            new RemediationPolicy
            {
                Name = "restart-leak", Mode = mode, Line = 3, Match = new PolicyMatch { CauseIndicators = ["memory"] },
                Action = new PolicyAction { Type = RemediationActionType.RestartInstance }, VerifyWithin = TimeSpan.FromMinutes(3),
            },
            new RemediationPolicy
            {
                Name = "scale-out", Mode = mode, Line = 9, Match = new PolicyMatch { CauseIndicators = ["latency"] },
                Action = new PolicyAction { Type = RemediationActionType.ScaleOut, Replicas = new ReplicaChange(1, 0), MaxReplicas = 4 }, VerifyWithin = TimeSpan.FromMinutes(3),
            },
            new RemediationPolicy { Name = "scale-in", Mode = mode, Action = new PolicyAction { Type = RemediationActionType.ScaleIn, MinReplicas = 1 } },
        ],
    };

    private Incident Incident(string id, string indicator, bool signalEnded = false, IncidentStatus status = IncidentStatus.Open) => new()
    {
        Id = id,
        Status = status,
        OpenedAt = _time.GetUtcNow(),
        UpdatedAt = _time.GetUtcNow(),
        ResolvedAt = status == IncidentStatus.Resolved ? _time.GetUtcNow() : null,
        Title = $"{indicator} up on hotel",
        Services = ["hotel"],
        Signals = [new IncidentSignal("hotel", null, indicator == "memory" ? Indicator.Memory : Indicator.LatencyP95, s_t0, signalEnded ? _time.GetUtcNow() : null, 1, 2, 2, 0.9, "Value", "up")],
        Timeline = [],
        Causes = [new RankedCause("hotel", 1, indicator, null, indicator == "memory" ? "hotel-2" : null, [])],
        CausesRankedAt = _time.GetUtcNow(),
    };

    [Fact]
    public async Task DecideAsync_Auto_RunsChecksAndSucceedsWhenTheSignalsEnd()
    {
        var action = (await _engine.DecideAsync(Incident("i1", "memory"), CancellationToken.None)).Should().ContainSingle().Subject;

        action.Should().BeEquivalentTo(new { State = ActionState.Verifying, Policy = "restart-leak", Instance = "hotel-2", VerifyBy = s_t0.AddMinutes(3) });
        action.Plan.Changes.Should().Equal("restart hotel-2");
        _driver.Changes.Should().Equal("restart hotel-2");
        _changes.Between(0, long.MaxValue).Should().ContainSingle().Which.Should().BeEquivalentTo(new { Service = "hotel", Kind = "restart-instance", Instance = "hotel-2" });

        _time.Advance(TimeSpan.FromMinutes(1));
        await _engine.TickAsync(_ => Incident("i1", "memory", signalEnded: true), CancellationToken.None);

        _log.Get(action.Id)!.History.Select(h => h.State).Should().Equal(ActionState.Proposed, ActionState.Approved, ActionState.Executing, ActionState.Verifying, ActionState.Succeeded);
    }

    [Fact]
    public async Task DecideAsync_Shadow_NeverActs()
    {
        _set = Policies(RemediationMode.Shadow);

        var action = (await _engine.DecideAsync(Incident("i1", "memory"), CancellationToken.None)).Single();

        action.State.Should().Be(ActionState.Shadowed);
        action.Plan.Changes.Should().ContainSingle().Which.Should().Be("restart hotel-2", "the plan is still shown exactly");
        _driver.Changes.Should().BeEmpty();
        _driver.DryRuns.Should().Be(1);
    }

    [Fact]
    public async Task DecideAsync_Approve_WaitsAndExpires()
    {
        _set = Policies(RemediationMode.Approve);
        var action = (await _engine.DecideAsync(Incident("i1", "memory"), CancellationToken.None)).Single();

        action.Should().BeEquivalentTo(new { State = ActionState.Proposed, ExpiresAt = s_t0.AddMinutes(15) });
        _time.Advance(TimeSpan.FromMinutes(14));
        await _engine.TickAsync(_ => null, CancellationToken.None);
        _log.Get(action.Id)!.State.Should().Be(ActionState.Proposed);

        _time.Advance(TimeSpan.FromMinutes(1));
        await _engine.TickAsync(_ => null, CancellationToken.None);

        _log.Get(action.Id)!.State.Should().Be(ActionState.Expired);
        _driver.Changes.Should().BeEmpty();
        var late = () => _engine.ApproveAsync(action.Id, "alice", CancellationToken.None);
        await late.Should().ThrowAsync<InvalidOperationException>().WithMessage($"action {action.Id} is expired, not waiting for approval");
    }

    [Fact]
    public async Task ApproveAsync_BeforeExpiry_RunsRecordingTheOperator()
    {
        _set = Policies(RemediationMode.Approve);
        var action = (await _engine.DecideAsync(Incident("i1", "memory"), CancellationToken.None)).Single();

        var approved = await _engine.ApproveAsync(action.Id, "alice", CancellationToken.None);

        approved.Should().BeEquivalentTo(new { State = ActionState.Verifying, ApprovedBy = "alice" });
        _driver.Changes.Should().Equal("restart hotel-2");
    }

    [Fact]
    public async Task RejectAsync_EndsTheProposal()
    {
        _set = Policies(RemediationMode.Approve);
        var action = (await _engine.DecideAsync(Incident("i1", "memory"), CancellationToken.None)).Single();

        (await _engine.RejectAsync(action.Id, "bob", "not during the sale", CancellationToken.None)).History[^1].Should().BeEquivalentTo(new { State = ActionState.Rejected, By = "bob", Reason = "not during the sale" });
        _driver.Changes.Should().BeEmpty();
    }

    [Fact]
    public async Task DecideAsync_KillSwitch_Blocks()
    {
        _engine.KillSwitch = true;

        var action = (await _engine.DecideAsync(Incident("i1", "memory"), CancellationToken.None)).Single();

        action.State.Should().Be(ActionState.Blocked);
        action.History[^1].Reason.Should().StartWith("kill-switch:");
        _driver.Changes.Should().BeEmpty();
    }

    [Fact]
    public async Task DecideAsync_FreezeWindow_Blocks()
    {
        _set = Policies(RemediationMode.Auto, freezes: new FreezeWindow { Name = "release", Start = s_t0.AddHours(-1), End = s_t0.AddHours(1) });

        var action = (await _engine.DecideAsync(Incident("i1", "memory"), CancellationToken.None)).Single();

        action.History[^1].Reason.Should().Be("freeze: change freeze 'release'");
        _driver.Changes.Should().BeEmpty();
    }

    [Fact]
    public async Task DecideAsync_WithinTheCooldown_BlocksTheNextIncidentsAction()
    {
        await _engine.DecideAsync(Incident("i1", "memory"), CancellationToken.None);
        await _engine.TickAsync(_ => null, CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(2));

        var second = (await _engine.DecideAsync(Incident("i2", "memory"), CancellationToken.None)).Single();

        second.State.Should().Be(ActionState.Blocked);
        second.History[^1].Reason.Should().StartWith("cooldown:");
        _driver.Changes.Should().ContainSingle();
    }

    [Fact]
    public async Task DecideAsync_OnePerIncidentAndPolicy()
    {
        await _engine.DecideAsync(Incident("i1", "memory"), CancellationToken.None);

        (await _engine.DecideAsync(Incident("i1", "memory"), CancellationToken.None)).Should().BeEmpty();
        _log.List().Should().ContainSingle();
    }

    [Fact]
    public async Task DecideAsync_UnrankedOrResolved_DecidesNothing()
    {
        (await _engine.DecideAsync(Incident("i1", "memory") with { CausesRankedAt = null }, CancellationToken.None)).Should().BeEmpty();
        (await _engine.DecideAsync(Incident("i1", "memory", status: IncidentStatus.Resolved), CancellationToken.None)).Should().BeEmpty();
    }

    [Fact]
    public async Task TickAsync_ScaleOutThatDidNotHelp_IsRolledBack()
    {
        var action = (await _engine.DecideAsync(Incident("i1", "latency"), CancellationToken.None)).Single();
        _driver.Services["hotel"].Desired.Should().Be(3);

        _time.Advance(TimeSpan.FromMinutes(3));
        await _engine.TickAsync(_ => Incident("i1", "latency"), CancellationToken.None);

        _log.Get(action.Id)!.State.Should().Be(ActionState.RolledBack);
        _driver.Changes.Should().Equal("scale hotel to 3", "scale hotel to 2");
    }

    [Fact]
    public async Task TickAsync_RestartThatDidNotHelp_IsEscalated()
    {
        var action = (await _engine.DecideAsync(Incident("i1", "memory"), CancellationToken.None)).Single();

        _time.Advance(TimeSpan.FromMinutes(3));
        await _engine.TickAsync(_ => Incident("i1", "memory"), CancellationToken.None);

        _log.Get(action.Id)!.History[^1].Should().BeEquivalentTo(new { State = ActionState.Escalated, Reason = "hotel did not recover in time; a restart-instance cannot be undone; escalated to the on-call" });
    }

    [Fact]
    public async Task RecoveredAsync_ScalesBackInWhatTheIncidentScaledOut()
    {
        await _engine.DecideAsync(Incident("i1", "latency"), CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(1));
        await _engine.TickAsync(_ => Incident("i1", "latency", signalEnded: true), CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(20));

        var scaleIn = (await _engine.RecoveredAsync(Incident("i1", "latency", status: IncidentStatus.Resolved), CancellationToken.None)).Single();

        scaleIn.Should().BeEquivalentTo(new { Type = RemediationActionType.ScaleIn, State = ActionState.Verifying });
        scaleIn.Plan.Summary.Should().Be("scale hotel back from 3 to 2 replicas");
        _driver.Services["hotel"].Desired.Should().Be(2);
    }

    private static ReceivedAlert Alert(string status, string fingerprint, string? incidentId = null)
    {
        var labels = new Dictionary<string, string> { ["alertname"] = "HighMemory", ["service"] = "hotel", ["instance"] = "hotel-2", ["indicator"] = "memory" };
        if (incidentId is not null)
        {
            labels["incident_id"] = incidentId;
        }

        return new ReceivedAlert(status, labels, new Dictionary<string, string> { ["summary"] = "hotel-2 memory at 92 %" }, s_t0, null, null, fingerprint);
    }

    [Fact]
    public async Task DecideAsync_AFiringAlert_ActsAndSucceedsWhenTheAlertResolves()
    {
        var action = (await _engine.DecideAsync(Alert("firing", "fp1"), CancellationToken.None)).Single();

        action.Should().BeEquivalentTo(new { State = ActionState.Verifying, Instance = "hotel-2" });
        action.Trigger.Should().BeEquivalentTo(new { Source = "alert", Id = "fp1", Fingerprint = "fp1", Summary = "hotel-2 memory at 92 %" });
        await _engine.TickAsync(_ => null, CancellationToken.None, _ => false);
        _log.Get(action.Id)!.State.Should().Be(ActionState.Verifying, "the alert still fires");

        await _engine.TickAsync(_ => null, CancellationToken.None, fp => fp == "fp1");

        _log.Get(action.Id)!.State.Should().Be(ActionState.Succeeded);
    }

    [Fact]
    public async Task DecideAsync_OurOwnIncidentAlertBack_IsTheSameTriggerAsTheIncident()
    {
        await _engine.DecideAsync(Incident("i1", "memory"), CancellationToken.None);

        (await _engine.DecideAsync(Alert("firing", "fp1", incidentId: "i1"), CancellationToken.None)).Should().BeEmpty("one action per incident and policy");
        _driver.Changes.Should().ContainSingle();
    }

    [Fact]
    public async Task DecideAsync_ResolvedOrServicelessAlerts_DecideNothing()
    {
        (await _engine.DecideAsync(Alert("resolved", "fp1"), CancellationToken.None)).Should().BeEmpty();
        var serviceless = Alert("firing", "fp2") with { Labels = new Dictionary<string, string> { ["alertname"] = "DiskFull" } };
        (await _engine.DecideAsync(serviceless, CancellationToken.None)).Should().BeEmpty();
    }
}
