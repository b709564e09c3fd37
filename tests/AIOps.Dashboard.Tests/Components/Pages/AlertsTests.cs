using AIOps.Dashboard.Components.Pages;
using AIOps.Remediator;
using AIOps.Remediator.Alertmanager;
using Microsoft.Extensions.DependencyInjection;

namespace AIOps.Dashboard.Tests.Components.Pages;

public sealed class AlertsTests : IDisposable
{
    private static readonly DateTimeOffset s_now = new(2026, 3, 4, 10, 0, 0, TimeSpan.Zero);
    private readonly string _directory = Directory.CreateTempSubdirectory("aiops-alerts-").FullName;
    private readonly AlertHistory _history;

    public AlertsTests()
    {
        _history = new AlertHistory(Path.Combine(_directory, "alerts.jsonl"));
    }

    public void Dispose()
    {
        _history.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Render_FiringAndResolvedNotifications_ShowsBothNewestFirstWithLabelsAndIncidentLink()
    {
        _history.Record(Notification(s_now.AddMinutes(-20), "firing", "fp-1", EndsAt: null, incidentId: "inc-hotel", truncated: 2));
        _history.Record(Notification(s_now.AddMinutes(-5), "resolved", "fp-1", EndsAt: s_now.AddMinutes(-6), incidentId: "inc-hotel"));
        _history.Record(Notification(s_now.AddHours(-3), "firing", "fp-old", EndsAt: null));

        var html = await RenderAsync(token: "a-webhook-token-of-some-length");

        var resolved = html.IndexOf("<span class=\"badge ok\">resolved</span>", StringComparison.Ordinal);
        var firing = html.IndexOf("<span class=\"badge bad\">firing</span>", StringComparison.Ordinal);
        resolved.Should().BePositive();
        firing.Should().BeGreaterThan(resolved, "the newest notification comes first");
        html.Should().Contain("2 notifications, newest first")
            .And.Contain("<strong>HotelLatencyHigh</strong>")
            .And.Contain("<a href=\"/incidents/inc-hotel\">incident inc-hotel</a>")
            .And.Contain("<span class=\"label\"><span class=\"muted\">service=</span>hotel</span>")
            .And.Contain("<span class=\"muted\">summary:</span> hotel p95 above 300 ms")
            .And.Contain("<td class=\"mono\">fp-1</td>")
            .And.Contain("<td>09:40:00</td>", "the alert started 20 minutes ago")
            .And.Contain("<td>09:54:00</td>", "the resolved alert ended 6 minutes ago")
            .And.Contain("{}/{alertname=&quot;HotelLatencyHigh&quot;}")
            .And.Contain("2 more left out by Alertmanager")
            .And.Contain("<a href=\"http://prometheus:9090/graph?g0.expr=x\" rel=\"noreferrer\">source</a>")
            .And.NotContain("fp-old", "it was received before the range")
            .And.NotContain("No Alertmanager webhook is configured");
    }

    [Fact]
    public async Task Render_StatusFiring_ShowsOnlyFiringNotifications()
    {
        _history.Record(Notification(s_now.AddMinutes(-20), "firing", "fp-1", EndsAt: null));
        _history.Record(Notification(s_now.AddMinutes(-5), "resolved", "fp-2", EndsAt: s_now.AddMinutes(-6)));

        var html = await RenderAsync(token: "a-webhook-token-of-some-length", query: "?status=firing");

        html.Should().Contain("fp-1").And.NotContain("fp-2").And.Contain("<option value=\"firing\" selected>firing</option>");
    }

    [Fact]
    public async Task Render_GeneratorUrlNotAWebAddress_IsNoLink()
    {
        _history.Record(Notification(s_now.AddMinutes(-1), "firing", "fp-1", EndsAt: null, generatorUrl: "javascript:alert(1)"));

        var html = await RenderAsync(token: "a-webhook-token-of-some-length");

        html.Should().Contain("fp-1").And.NotContain("javascript:");
    }

    [Fact]
    public async Task Render_NoWebhookToken_SaysHowToConfigureIt()
    {
        var html = await RenderAsync(token: null);

        html.Should().Contain("No Alertmanager webhook is configured")
            .And.Contain("<code>Remediation:WebhookToken</code>")
            .And.Contain("http://127.0.0.1:8080/api/v1/alertmanager/webhook")
            .And.Contain("No notification received in the last hour.");
    }

    private static AlertNotification Notification(DateTimeOffset at, string status, string fingerprint, DateTimeOffset? EndsAt, string? incidentId = null, int truncated = 0, string generatorUrl = "http://prometheus:9090/graph?g0.expr=x")
    {
        var labels = new Dictionary<string, string> { ["alertname"] = "HotelLatencyHigh", ["service"] = "hotel", ["severity"] = "critical" };
        if (incidentId is not null)
        {
            labels["incident_id"] = incidentId;
        }

        var alert = new ReceivedAlert(status, labels, new Dictionary<string, string> { ["summary"] = "hotel p95 above 300 ms" }, s_now.AddMinutes(-20), EndsAt, generatorUrl, fingerprint);
        return new AlertNotification(at, "aiops", "{}/{alertname=\"HotelLatencyHigh\"}", status, [alert], truncated);
    }

    private Task<string> RenderAsync(string? token, string query = "") =>
        ComponentRenderer.RenderAsync<Alerts>(
            ComponentRenderer.Request(s_now, path: "/alerts" + query),
            s => s.AddSingleton(_history).AddSingleton(new RemediationOptions { WebhookToken = token }));
}
