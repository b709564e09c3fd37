using AIOps.Remediator.Actions;
using AIOps.Remediator.Policies;

namespace AIOps.Remediator.Tests.Actions;

public sealed class RemediationActionTests
{
    private static readonly DateTimeOffset s_t0 = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    private static RemediationAction Proposed() => new()
    {
        Id = "a1",
        Policy = "scale-out",
        Mode = RemediationMode.Approve,
        Type = RemediationActionType.ScaleOut,
        Service = "hotel",
        Trigger = new ActionTrigger("incident", "i1", "LatencyP95 up on hotel", ["hotel (latency, 1)"]),
        Plan = new ActionPlan("scale hotel from 2 to 3 replicas", 2, 3, []),
        State = ActionState.Proposed,
        CreatedAt = s_t0,
        History = [new ActionTransition(ActionState.Proposed, s_t0, "aiops", "policy scale-out matched")],
    };

    [Fact]
    public void MoveTo_TheHappyPath_RecordsEveryStepWhoAndWhen()
    {
        var done = Proposed()
            .MoveTo(ActionState.Approved, s_t0.AddMinutes(1), "alice", "looks right")
            .MoveTo(ActionState.Executing, s_t0.AddMinutes(2), "aiops", "within every limit")
            .MoveTo(ActionState.Verifying, s_t0.AddMinutes(3), "aiops", "scaled")
            .MoveTo(ActionState.Succeeded, s_t0.AddMinutes(5), "aiops", "signals recovered");

        done.History.Select(h => h.State).Should().Equal(ActionState.Proposed, ActionState.Approved, ActionState.Executing, ActionState.Verifying, ActionState.Succeeded);
        done.Should().BeEquivalentTo(new { ApprovedBy = "alice", StartedAt = s_t0.AddMinutes(2), FinishedAt = s_t0.AddMinutes(5) });
    }

    [Theory]
    [InlineData(ActionState.Proposed, ActionState.Executing)]
    [InlineData(ActionState.Proposed, ActionState.Succeeded)]
    [InlineData(ActionState.Executing, ActionState.Approved)]
    [InlineData(ActionState.Succeeded, ActionState.RolledBack)]
    [InlineData(ActionState.Shadowed, ActionState.Approved)]
    public void MoveTo_NotAllowed_Throws(ActionState from, ActionState to)
    {
        var action = Proposed() with { State = from };

        var move = () => action.MoveTo(to, s_t0, "aiops", "test");

        move.Should().Throw<InvalidOperationException>().WithMessage($"action a1 cannot move from {from} to {to}");
    }

    [Theory]
    [InlineData(ActionState.Succeeded, true)]
    [InlineData(ActionState.RolledBack, true)]
    [InlineData(ActionState.Escalated, true)]
    [InlineData(ActionState.Expired, true)]
    [InlineData(ActionState.Shadowed, true)]
    [InlineData(ActionState.Verifying, false)]
    [InlineData(ActionState.Proposed, false)]
    public void IsFinal_OutcomesOnly(ActionState state, bool final)
    {
        ActionStates.IsFinal(state).Should().Be(final);
    }
}
