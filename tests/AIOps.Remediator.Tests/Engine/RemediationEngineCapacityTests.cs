using AIOps.Remediator.Actions;
using AIOps.Remediator.Drivers;
using AIOps.Remediator.Engine;
using AIOps.Remediator.Policies;
using AIOps.Remediator.Scaling;
using AIOps.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace AIOps.Remediator.Tests.Engine;

/// <summary>Predictive scaling through the engine: raise ahead of the demand, take back once it settles, nothing otherwise.</summary>
public sealed class RemediationEngineCapacityTests : IDisposable
{
    private static readonly DateTimeOffset s_t0 = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);
    private readonly string _directory = Directory.CreateTempSubdirectory("aiops-capacity-").FullName;
    private readonly ManualTimeProvider _time = new(s_t0);
    private readonly FakeDriver _driver = new();
    private readonly ActionLog _log;
    private PolicySet _set;
    private readonly RemediationEngine _engine;

    public RemediationEngineCapacityTests()
    {
        _driver.Services["hotel"] = new ServiceReplicas(1, 1, ["hotel-1"]);
        _log = new ActionLog(Path.Combine(_directory, "actions.jsonl"));
        _set = Policies(RemediationMode.Auto);
        _engine = new RemediationEngine(() => _set, _driver, _log, _time, NullLogger<RemediationEngine>.Instance);
    }

    public void Dispose()
    {
        _engine.Dispose();
        _log.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private static PolicySet Policies(RemediationMode mode, bool killSwitch = false) => new()
    {
        KillSwitch = killSwitch,
        Limits = new SafetyLimits { ActionsPerHour = 20, ActionsPerHourPerService = 10 },
        Policies =
        [
            new RemediationPolicy
            {
                Name = "predictive", Mode = mode, Line = 1, Match = new PolicyMatch { Services = ["hotel"] }, Cooldown = TimeSpan.FromMinutes(1),
                VerifyWithin = TimeSpan.FromMinutes(2),
                Action = new PolicyAction { Type = RemediationActionType.PredictiveScale, RatePerReplica = 40, Headroom = 0.3, MinReplicas = 1, MaxReplicas = 6 },
            },
        ],
    };

    private static ScalingDemand Demand(double rising, double recentPeak = 0) => new(rising, rising, 0, recentPeak);

    private async Task<IReadOnlyList<RemediationAction>> BeatAsync(ScalingDemand demand, bool hold = false)
    {
        var decided = await _engine.ScaleAheadAsync("hotel", demand, hold, TimeSpan.FromMinutes(5), CancellationToken.None);
        await _engine.TickAsync(_ => null, CancellationToken.None);
        return decided;
    }

    [Fact]
    public async Task FlashSale_RaisedAhead_VerifiedByReadyReplicas_TakenBackOnceSettled()
    {
        var raise = (await BeatAsync(Demand(100))).Should().ContainSingle().Subject;

        raise.Plan.Should().BeEquivalentTo(new { FromReplicas = 1, ToReplicas = 4 });
        _driver.Changes.Should().Equal("floor hotel at 4");
        _log.Get(raise.Id)!.State.Should().Be(ActionState.Succeeded, "four replicas are ready");
        raise.SilenceId.Should().BeNull("scaling for demand mutes no alert");

        _time.Advance(TimeSpan.FromMinutes(2));
        (await BeatAsync(Demand(10, recentPeak: 12))).Should().BeEmpty("nothing raised is taken back within five minutes of the raise");
        _time.Advance(TimeSpan.FromMinutes(4));
        (await BeatAsync(Demand(10, recentPeak: 100))).Should().BeEmpty("the surge is still inside the stabilization window");

        var lower = (await BeatAsync(Demand(10, recentPeak: 12))).Should().ContainSingle().Subject;

        lower.Plan.Should().BeEquivalentTo(new { FromReplicas = 4, ToReplicas = 1 });
        _driver.Services["hotel"].Desired.Should().Be(1);
        _log.Get(lower.Id)!.State.Should().Be(ActionState.Succeeded);

        _time.Advance(TimeSpan.FromMinutes(5));
        (await BeatAsync(Demand(5))).Should().BeEmpty("nothing is raised any more");
    }

    [Fact]
    public async Task SteadyTraffic_OnOperatorChosenReplicas_NeverActs()
    {
        _driver.Services["hotel"] = new ServiceReplicas(3, 3, ["hotel-1", "hotel-2", "hotel-3"]);

        for (var beat = 0; beat < 30; beat++)
        {
            (await BeatAsync(Demand(20 + (beat % 5)))).Should().BeEmpty();
            _time.Advance(TimeSpan.FromSeconds(15));
        }

        _log.List().Should().BeEmpty();
    }

    [Fact]
    public async Task Hold_KeepsTheRaisedReplicas()
    {
        await BeatAsync(Demand(100));
        _time.Advance(TimeSpan.FromMinutes(10));

        (await BeatAsync(Demand(5), hold: true)).Should().BeEmpty("an incident on the service is being handled");
        _driver.Services["hotel"].Desired.Should().Be(4);
    }

    [Fact]
    public async Task KillSwitch_BlocksAndRecordsItOnce()
    {
        _set = Policies(RemediationMode.Auto, killSwitch: true);

        (await BeatAsync(Demand(100))).Should().ContainSingle().Which.State.Should().Be(ActionState.Blocked);
        _time.Advance(TimeSpan.FromSeconds(15));
        (await BeatAsync(Demand(100))).Should().BeEmpty("the same block is not recorded every beat");

        _driver.Changes.Should().BeEmpty();
    }

    [Fact]
    public async Task Shadow_DecidesWithoutActing()
    {
        _set = Policies(RemediationMode.Shadow);

        (await BeatAsync(Demand(100))).Should().ContainSingle().Which.State.Should().Be(ActionState.Shadowed);

        _driver.Changes.Should().BeEmpty();
        _driver.Services["hotel"].Desired.Should().Be(1);
    }

    [Fact]
    public async Task ReplicasThatNeverGetReady_Escalate()
    {
        _driver.Services["hotel"] = new ServiceReplicas(1, 1, ["hotel-1"]);
        var raise = (await _engine.ScaleAheadAsync("hotel", Demand(100), hold: false, TimeSpan.FromMinutes(5), CancellationToken.None)).Single();
        _driver.Services["hotel"] = _driver.Services["hotel"] with { Ready = 2 };

        _time.Advance(TimeSpan.FromMinutes(1));
        await _engine.TickAsync(_ => null, CancellationToken.None);
        _log.Get(raise.Id)!.State.Should().Be(ActionState.Verifying);

        _time.Advance(TimeSpan.FromMinutes(1));
        await _engine.TickAsync(_ => null, CancellationToken.None);

        _log.Get(raise.Id)!.Should().BeEquivalentTo(new { State = ActionState.Escalated });
        _log.Get(raise.Id)!.History[^1].Reason.Should().Contain("2 ready replicas of 4");
    }

    [Fact]
    public async Task AFailedRaise_IsNoBaseline_OperatorReplicasAreNeverLowered()
    {
        // The platform could not start the raised replicas: the raise escalates; later, low traffic lowers nothing.
        _driver.Services["hotel"] = new ServiceReplicas(2, 2, ["hotel-1", "hotel-2"]);
        var raise = (await _engine.ScaleAheadAsync("hotel", Demand(200), hold: false, TimeSpan.FromMinutes(5), CancellationToken.None)).Single();
        _driver.Services["hotel"] = new ServiceReplicas(2, 2, ["hotel-1", "hotel-2"]);
        _time.Advance(TimeSpan.FromMinutes(3));
        await _engine.TickAsync(_ => null, CancellationToken.None);
        _log.Get(raise.Id)!.State.Should().Be(ActionState.Escalated);

        _time.Advance(TimeSpan.FromMinutes(10));
        (await BeatAsync(Demand(5))).Should().BeEmpty();
        _driver.Services["hotel"].Desired.Should().Be(2);
    }
}
