using AIOps.Remediator.Actions;
using AIOps.Remediator.Policies;
using AIOps.Remediator.Safety;

namespace AIOps.Remediator.Tests.Safety;

public sealed class SafetyEnvelopeTests
{
    private static readonly DateTimeOffset s_now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    private static readonly RemediationPolicy s_restart = new()
    {
        Name = "restart",
        Mode = RemediationMode.Auto,
        Action = new PolicyAction { Type = RemediationActionType.RestartInstance },
        Cooldown = TimeSpan.FromMinutes(10),
    };

    private static PolicySet Set(bool killSwitch = false, SafetyLimits? limits = null, params FreezeWindow[] freezes) =>
        new() { KillSwitch = killSwitch, Limits = limits ?? new SafetyLimits(), Freezes = freezes, Policies = [s_restart] };

    private static RemediationAction Ran(string service, TimeSpan ago, ActionState state = ActionState.Succeeded, string policy = "restart", string? id = null) => new()
    {
        Id = id ?? Guid.NewGuid().ToString("N"),
        Policy = policy,
        Mode = RemediationMode.Auto,
        Type = RemediationActionType.RestartInstance,
        Service = service,
        Trigger = new ActionTrigger("incident", "i1", "memory up on hotel", []),
        Plan = new ActionPlan("restart hotel-1", null, null, []),
        State = state,
        CreatedAt = s_now - ago,
        StartedAt = state is ActionState.Blocked or ActionState.Shadowed or ActionState.Rejected ? null : s_now - ago,
        History = [],
    };

    private static SafetyVerdict Check(PolicySet set, params RemediationAction[] history) => SafetyEnvelope.Check(set, s_restart, "hotel", history, s_now);

    [Fact]
    public void Check_NothingInTheWay_Allows()
    {
        Check(Set(), Ran("hotel", TimeSpan.FromMinutes(30)), Ran("flight", TimeSpan.FromMinutes(2))).Allowed.Should().BeTrue();
    }

    [Fact]
    public void Check_KillSwitch_Blocks()
    {
        Check(Set(killSwitch: true)).Should().BeEquivalentTo(new { Allowed = false, Rule = "kill-switch" });
    }

    [Fact]
    public void Check_InAFreezeWindow_BlocksNamingIt()
    {
        var freeze = new FreezeWindow { Name = "release", Start = s_now.AddHours(-1), End = s_now.AddHours(1) };

        var verdict = Check(Set(freezes: freeze));

        verdict.Should().BeEquivalentTo(new { Allowed = false, Rule = "freeze" });
        verdict.Reason.Should().Contain("release");
        Check(Set(freezes: new FreezeWindow { Name = "later", Start = s_now.AddHours(1), End = s_now.AddHours(2) })).Allowed.Should().BeTrue();
    }

    [Fact]
    public void Check_WithinTheCooldown_BlocksThenAllowsOnceItPassed()
    {
        Check(Set(), Ran("hotel", TimeSpan.FromMinutes(4))).Should().BeEquivalentTo(new { Allowed = false, Rule = "cooldown", Reason = "restart acted on hotel 240 s ago; its cooldown is 600 s" });
        Check(Set(), Ran("hotel", TimeSpan.FromMinutes(11))).Allowed.Should().BeTrue();
    }

    [Fact]
    public void Check_Cooldown_IsPerPolicyAndService()
    {
        Check(Set(), Ran("flight", TimeSpan.FromMinutes(1)), Ran("hotel", TimeSpan.FromMinutes(1), policy: "scale-out")).Allowed.Should().BeTrue();
    }

    [Fact]
    public void Check_DecisionsThatNeverRan_DoNotCount()
    {
        Check(Set(), Ran("hotel", TimeSpan.FromMinutes(1), ActionState.Shadowed), Ran("hotel", TimeSpan.FromMinutes(1), ActionState.Blocked)).Allowed.Should().BeTrue();
    }

    [Fact]
    public void Check_GlobalHourlyRate_Blocks()
    {
        var limits = new SafetyLimits { ActionsPerHour = 3, ActionsPerHourPerService = 10, ConcurrentServices = 10 };
        RemediationAction[] three = [Ran("a", TimeSpan.FromMinutes(50)), Ran("b", TimeSpan.FromMinutes(40)), Ran("c", TimeSpan.FromMinutes(30))];

        Check(Set(limits: limits), three).Should().BeEquivalentTo(new { Allowed = false, Rule = "rate-global", Reason = "3 actions in the last hour; the limit is 3" });
        Check(Set(limits: limits), [.. three.Skip(1), Ran("a", TimeSpan.FromMinutes(61))]).Allowed.Should().BeTrue("an hour-old action no longer counts");
    }

    [Fact]
    public void Check_PerServiceHourlyRate_Blocks()
    {
        var limits = new SafetyLimits { ActionsPerHour = 10, ActionsPerHourPerService = 2 };

        var verdict = Check(Set(limits: limits), Ran("hotel", TimeSpan.FromMinutes(50), policy: "x"), Ran("hotel", TimeSpan.FromMinutes(20), policy: "y"));

        verdict.Should().BeEquivalentTo(new { Allowed = false, Rule = "rate-service" });
    }

    [Fact]
    public void Check_OtherServicesChanging_BlocksBeyondTheConcurrencyLimit()
    {
        var limits = new SafetyLimits { ConcurrentServices = 1 };

        Check(Set(limits: limits), Ran("flight", TimeSpan.FromMinutes(1), ActionState.Verifying)).Should().BeEquivalentTo(new { Allowed = false, Rule = "concurrency" });
        Check(Set(limits: new SafetyLimits { ConcurrentServices = 2 }), Ran("flight", TimeSpan.FromMinutes(1), ActionState.Verifying)).Allowed.Should().BeTrue();
    }

    [Fact]
    public void Check_AnotherActionStillChangingTheService_Blocks()
    {
        var verdict = Check(Set(), Ran("hotel", TimeSpan.FromMinutes(20), ActionState.Executing, policy: "scale-out", id: "a1"));

        verdict.Should().BeEquivalentTo(new { Allowed = false, Rule = "busy", Reason = "action a1 (scale-out) is still executing on hotel" });
    }

    [Fact]
    public void Check_TheActionItself_IsLeftOut()
    {
        var self = Ran("hotel", TimeSpan.Zero, ActionState.Executing, id: "me");

        SafetyEnvelope.Check(Set(), s_restart, "hotel", [self], s_now, self: "me").Allowed.Should().BeTrue();
    }
}
