using AIOps.Analyzer.Incidents;
using AIOps.Analyzer.RootCause;
using AIOps.Analyzer.Signals;
using AIOps.Remediator.Alertmanager;
using AIOps.Remediator.Tests.Policies;

namespace AIOps.Remediator.Tests.Alertmanager;

public sealed class IncidentAlertTests
{
    private static readonly Uri s_dashboard = new("http://aiops.example:8080/");

    private static Incident Ranked() => IncidentFactsTests.Incident(
        [new RankedCause("hotel", 1, "memory", null, "hotel-2", [new CauseEvidence(CauseEvidenceKind.Metric, "hotel_memory", 200, 900, 12, "memory reached 900 against a median of 200", [])])],
        new IncidentSignal("hotel", null, Indicator.ErrorRate, DateTimeOffset.UnixEpoch, null, 0, 0.2, 0.2, 0.9, "Value", "ErrorRate up on hotel"));

    [Fact]
    public void From_OpenIncident_LabelsAnnotationsAndLink()
    {
        var alert = IncidentAlert.From(Ranked(), s_dashboard);

        alert.Labels.Should().Equal(new Dictionary<string, string> { ["alertname"] = "AIOpsIncident", ["service"] = "hotel", ["severity"] = "critical", ["incident_id"] = "i1", ["indicator"] = "memory", ["instance"] = "hotel-2" });
        alert.Annotations["rca"].Should().Be("hotel (memory, 1.00): memory reached 900 against a median of 200");
        alert.Annotations["dashboard"].Should().Be("http://aiops.example:8080/incidents/i1");
        alert.GeneratorUrl.Should().Be(new Uri("http://aiops.example:8080/incidents/i1"));
        alert.EndsAt.Should().BeNull();
    }

    [Fact]
    public void From_ResolvedIncident_EndsWhenItResolved()
    {
        var resolvedAt = DateTimeOffset.UnixEpoch.AddMinutes(7);
        var incident = Ranked() with { Status = IncidentStatus.Resolved, ResolvedAt = resolvedAt };

        IncidentAlert.From(incident, s_dashboard).EndsAt.Should().Be(resolvedAt);
    }

    [Fact]
    public void From_Unranked_NoRcaAnnotationYet()
    {
        IncidentAlert.From(Ranked() with { Causes = [] }, s_dashboard).Annotations.Should().NotContainKey("rca");
    }
}
