using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AIOps.Remediator.Alertmanager;
using AIOps.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace AIOps.Remediator.Tests.Alertmanager;

public sealed class AlertmanagerWebhookTests : IAsyncLifetime
{
    private const string Token = "webhook-secret";
    private readonly string _directory = Directory.CreateTempSubdirectory("aiops-alerts-").FullName;
    private AlertHistory _history = null!;
    private WebApplication _app = null!;

    private Uri Address => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");

    public async Task InitializeAsync()
    {
        _history = new AlertHistory(Path.Combine(_directory, "alerts.jsonl"));
        _app = await LoopbackApp.StartAsync(app => app.MapAlertmanagerWebhook(Token), services => services.AddSingleton(_history).AddSingleton(TimeProvider.System));
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _history.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Webhook_FromTheRealAlertmanager_RecordsFiringThenResolved()
    {
        var config = $"""
            route:
              receiver: aiops
              group_wait: 1s
              group_interval: 1s
              repeat_interval: 1h
            receivers:
              - name: aiops
                webhook_configs:
                  - url: {Address}api/v1/alertmanager/webhook
                    send_resolved: true
                    http_config:
                      authorization:
                        credentials: {Token}
            """;
        await using var server = AlertmanagerServer.Start(config);
        using var http = await AlertmanagerServer.ReadyAsync(server);
        var client = new AlertmanagerClient(http);
        var labels = new Dictionary<string, string> { ["alertname"] = "HighMemory", ["service"] = "hotel", ["severity"] = "warning" };
        var started = DateTimeOffset.UtcNow.AddSeconds(-30);

        await client.PostAlertsAsync([new OutgoingAlert(labels, new Dictionary<string, string> { ["summary"] = "hotel memory at 92 %" }, started, null, null)], CancellationToken.None);
        await Poll.UntilAsync(() => _history.Recent(10).Any(n => n.Status == "firing"), TimeSpan.FromSeconds(30), "the firing notification");
        await client.PostAlertsAsync([new OutgoingAlert(labels, new Dictionary<string, string>(), started, DateTimeOffset.UtcNow.AddSeconds(-1), null)], CancellationToken.None);
        await Poll.UntilAsync(() => _history.Recent(10).Any(n => n.Status == "resolved"), TimeSpan.FromSeconds(30), "the resolved notification");

        var firing = _history.Recent(10).Last(n => n.Status == "firing");
        firing.Receiver.Should().Be("aiops");
        var alert = firing.Alerts.Should().ContainSingle().Subject;
        alert.Labels.Should().Contain("alertname", "HighMemory").And.Contain("service", "hotel");
        alert.Annotations.Should().Contain("summary", "hotel memory at 92 %");
        alert.EndsAt.Should().BeNull();
        alert.Fingerprint.Should().NotBeNullOrEmpty();
        _history.Recent(10).First(n => n.Status == "resolved").Alerts.Single().EndsAt.Should().NotBeNull();
    }

    [Fact]
    public async Task Webhook_WithoutTheToken_Is401AndRecordsNothing()
    {
        using var http = new HttpClient { BaseAddress = Address };

        using var response = await http.PostAsync("api/v1/alertmanager/webhook", new StringContent("""{"version":"4","alerts":[]}""", Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        _history.Recent(10).Should().BeEmpty();
    }

    [Theory]
    [InlineData("""{"version":"3","alerts":[]}""", "version: expected \\\"4\\\"")]
    [InlineData("""{"version":"4"}""", "alerts: expected a list")]
    [InlineData("""{"version":"4","alerts":[{"status":"firing"}]}""", "alerts[0]: needs status, labels and startsAt")]
    [InlineData("""not json""", "not JSON")]
    public async Task Webhook_BadPayload_Is400NamingTheField(string body, string reason)
    {
        using var http = new HttpClient { BaseAddress = Address };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);

        using var response = await http.PostAsync("api/v1/alertmanager/webhook", new StringContent(body, Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain(reason);
        _history.Recent(10).Should().BeEmpty();
    }

    [Fact]
    public async Task History_SurvivesARestart()
    {
        using var http = new HttpClient { BaseAddress = Address };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        const string Body = """{"version":"4","status":"firing","receiver":"r","groupKey":"{}:{}","alerts":[{"status":"firing","labels":{"alertname":"A"},"startsAt":"2026-11-21T12:00:00Z","endsAt":"0001-01-01T00:00:00Z"}]}""";

        using var response = await http.PostAsync("api/v1/alertmanager/webhook", new StringContent(Body, Encoding.UTF8, "application/json"));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        // What a restarted host would open: the file as it is on disk now.
        File.Copy(Path.Combine(_directory, "alerts.jsonl"), Path.Combine(_directory, "after-restart.jsonl"));
        using var replayed = new AlertHistory(Path.Combine(_directory, "after-restart.jsonl"));

        replayed.Recent(10).Should().ContainSingle().Which.Alerts.Single().Should().BeEquivalentTo(new { Status = "firing", EndsAt = (DateTimeOffset?)null });
        (await http.GetStringAsync("api/v1/alertmanager/notifications?limit=5")).Should().Contain("\"alertname\":\"A\"");
    }
}
