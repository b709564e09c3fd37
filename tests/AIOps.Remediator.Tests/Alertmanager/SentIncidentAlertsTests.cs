using AIOps.Remediator.Alertmanager;

namespace AIOps.Remediator.Tests.Alertmanager;

public sealed class SentIncidentAlertsTests
{
    private static readonly DateTimeOffset s_now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    private static OutgoingAlert Alert(string service, DateTimeOffset? endsAt = null) => new(
        new Dictionary<string, string> { ["alertname"] = "AIOpsIncident", ["incident_id"] = "i1", ["service"] = service },
        new Dictionary<string, string>(), s_now.AddMinutes(-5), endsAt, new Uri("http://aiops/incidents/i1"));

    [Fact]
    public void Post_SameLabels_SendsTheAlertAlone()
    {
        var sent = new SentIncidentAlerts();
        sent.Post([Alert("hotel")], s_now);

        sent.Post([Alert("hotel")], s_now).Should().ContainSingle();
    }

    [Fact]
    public void Post_TopCauseMoved_EndsTheAlertUnderItsOldLabels()
    {
        var sent = new SentIncidentAlerts();
        sent.Post([Alert("gateway")], s_now);

        var posted = sent.Post([Alert("hotel")], s_now);

        posted.Should().HaveCount(2);
        posted[0].Labels["service"].Should().Be("hotel");
        posted[0].EndsAt.Should().BeNull();
        posted[1].Labels["service"].Should().Be("gateway");
        posted[1].EndsAt.Should().Be(s_now, "the stale alert resolves at once, not after Alertmanager's resolve_timeout");
    }

    [Fact]
    public void Post_Resolved_ForgetsTheIncident()
    {
        var sent = new SentIncidentAlerts();
        sent.Post([Alert("hotel")], s_now);
        sent.Post([Alert("hotel", endsAt: s_now)], s_now).Should().ContainSingle();

        sent.Post([Alert("gateway")], s_now).Should().ContainSingle("nothing is left to end");
    }
}
