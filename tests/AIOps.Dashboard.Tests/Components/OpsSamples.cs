using AIOps.Analyzer.Incidents;
using AIOps.Analyzer.RootCause;
using AIOps.Analyzer.Signals;
using AIOps.Remediator.Actions;
using AIOps.Remediator.Policies;

namespace AIOps.Dashboard.Tests.Components;

/// <summary>
/// What the operations pages read, as the analyzer and the remediator write it: an incident whose ranking puts the
/// faulted service (hotel) first with trace evidence, and actions at each step of their life.
/// </summary>
internal static class OpsSamples
{
    public const string HotelTrace = "4bf92f3577b34da6a3ce929d0e0e4736";

    public static Incident Incident(DateTimeOffset now, string id = "inc-hotel", IncidentStatus status = IncidentStatus.Open, TimeSpan? age = null)
    {
        var opened = now - (age ?? TimeSpan.FromMinutes(12));
        return new Incident
        {
            Id = id,
            Status = status,
            OpenedAt = opened,
            UpdatedAt = now,
            ResolvedAt = status == IncidentStatus.Resolved ? opened + TimeSpan.FromMinutes(7) : null,
            Title = "p95 latency up on gateway (GET /book): 412 ms against 35 ms",
            Services = ["gateway", "hotel"],
            Signals =
            [
                new IncidentSignal("gateway", "GET /book", Indicator.LatencyP95, opened, null, 35, 412, 398, 9.4, null, "p95 latency up on gateway (GET /book): 412 ms against 35 ms"),
                new IncidentSignal("hotel", null, Indicator.ErrorRate, opened.AddSeconds(20), opened.AddMinutes(5), 0.01, 0.23, 0.02, 6.1, null, "error rate up on hotel: 23 % against 1 %"),
            ],
            Timeline =
            [
                new IncidentEvent(opened, "opened", "p95 latency up on gateway (GET /book)"),
                new IncidentEvent(opened.AddSeconds(20), "signal", "error rate up on hotel"),
            ],
            Causes =
            [
                new RankedCause("hotel", 0.92, "latency", "GET /hotels", "hotel-2",
                [
                    new CauseEvidence(CauseEvidenceKind.Latency, "GET /hotels", 12.5, 388.2, 14.2, "GET /hotels: own time p90 388.2 ms against a median of 12.5 ms", [HotelTrace]),
                    new CauseEvidence(CauseEvidenceKind.Change, "restart", 0, 1, 3, "hotel-2 restarted", []),
                ]),
                new RankedCause("gateway", 0.31, "latency", null, null,
                [
                    new CauseEvidence(CauseEvidenceKind.Spectrum, "gateway", 40, 38, 0.7, "38 of 40 abnormal traces pass through it, and 40 normal ones", []),
                ]),
            ],
            CausesRankedAt = opened.AddMinutes(1),
        };
    }

    /// <summary>An action proposed for <paramref name="triggerId"/>, waiting for approval with its dry-run plan.</summary>
    public static RemediationAction Proposed(DateTimeOffset now, string id, string triggerId = "inc-hotel", RemediationActionType type = RemediationActionType.ScaleOut, string policy = "scale-out-hotel") => new()
    {
        Id = id,
        Policy = policy,
        Mode = RemediationMode.Approve,
        Type = type,
        Service = "hotel",
        Trigger = new ActionTrigger("incident", triggerId, "p95 latency up on gateway (GET /book)", ["hotel (latency, 0.92)", "gateway (latency, 0.31)"]),
        Plan = new ActionPlan("scale hotel from 2 to 3 replicas", 2, 3, ["PATCH /apis/apps/v1/namespaces/travel/deployments/hotel/scale {\"spec\":{\"replicas\":3}}"]),
        State = ActionState.Proposed,
        CreatedAt = now.AddMinutes(-2),
        ExpiresAt = now.AddMinutes(13),
        History = [new ActionTransition(ActionState.Proposed, now.AddMinutes(-2), "aiops", $"policy {policy} (line 12) matched incident {triggerId}")],
    };

    /// <summary>An action that ran and recovered the service, approved by <paramref name="approver"/>.</summary>
    public static RemediationAction Succeeded(DateTimeOffset now, string id, string approver = "olivia") =>
        Proposed(now.AddMinutes(-10), id, policy: "restart-hotel", type: RemediationActionType.RollingRestart)
            .MoveTo(ActionState.Approved, now.AddMinutes(-11), approver, "approved")
            .MoveTo(ActionState.Executing, now.AddMinutes(-11), "aiops", "within the safety limits")
            .MoveTo(ActionState.Verifying, now.AddMinutes(-10), "aiops", "done; checking that hotel recovers within 300 s")
            .MoveTo(ActionState.Succeeded, now.AddMinutes(-8), "aiops", "hotel recovered: the incident's signals on it ended");
}
