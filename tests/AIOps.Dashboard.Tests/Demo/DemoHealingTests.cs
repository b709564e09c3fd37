using System.Net.Http.Json;
using System.Text.Json;
using AIOps.Dashboard.Demo;
using AIOps.Testing;
using Xunit.Abstractions;

namespace AIOps.Dashboard.Tests.Demo;

/// <summary>
/// The closed loop end to end, against the real Alertmanager 0.25: a memory leak injected into one hotel replica of
/// the running demo opens an incident; the incident reaches Alertmanager as an alert; Alertmanager's webhook brings it
/// back; a policy on alerts restarts that replica under a silence; the action is verified once the signals end; the
/// silence expires; and the alert resolves, which Alertmanager reports through the webhook too.
/// </summary>
[Collection(nameof(DemoIncidentRun))]
public sealed class DemoHealingTests(ITestOutputHelper output) : IDisposable
{
    private const string Token = "e2e-webhook-token-0123456789";
    private readonly string _directory = Directory.CreateTempSubdirectory("aiops-heal-e2e-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task MemoryLeak_IncidentToAlertToWebhookToPolicyToVerifiedRestart_AndTheAlertResolves()
    {
        var policies = Path.Combine(_directory, "policies.yaml");
        await File.WriteAllTextAsync(policies, """
            policies:
              - name: restart-on-alert
                mode: auto
                match:
                  sources: [alert]
                  alert_names: [AIOpsIncident]
                  cause_indicators: [memory]
                action:
                  type: restart-instance
                  min_healthy: 1
                cooldown: 30m
                verify_within: 5m
            """);
        await using var alertmanager = AlertmanagerServer.Start(AlertmanagerServer.Blackhole);
        using var am = await AlertmanagerServer.ReadyAsync(alertmanager);
        await using var demo = TestDemo.Start(
            "--qps", "40", "--day-minutes", "60", "--start-hour", "12", "--flash-sales-per-day", "0",
            "--remediation", policies, "--alertmanager", $"http://{alertmanager.Address}/", "--webhook-token", Token);
        await demo.RunningAsync(TimeSpan.FromSeconds(90));
        await AlertmanagerServer.ReconfigureAsync(alertmanager, am, $"""
            route:
              receiver: aiops
              group_by: [incident_id]
              group_wait: 1s
              group_interval: 1s
              repeat_interval: 1h
            receivers:
              - name: aiops
                webhook_configs:
                  - url: {demo.Host("/api/v1/alertmanager/webhook")}
                    send_resolved: true
                    http_config:
                      authorization:
                        credentials: {Token}
            """);
        await demo.DetectorsWarmAsync();

        var target = (await demo.InstancesAsync("hotel")).OrderBy(i => i.InstanceId, StringComparer.Ordinal).First();
        var injectedAt = DateTimeOffset.UtcNow;
        await demo.InjectFaultAsync(target, new InstanceFault("memory", 10, 900));

        string id = "";
        await Poll.UntilAsync(async () => (await demo.GetAsync("/api/v1/incidents?status=open")).EnumerateArray()
            .FirstOrDefault(i => i.GetProperty("services").EnumerateArray().Any(s => s.GetString() == "hotel")) is { ValueKind: JsonValueKind.Object } incident
            && (id = incident.GetProperty("id").GetString()!) is not null, TimeSpan.FromMinutes(5), "an incident on hotel");
        output.WriteLine($"incident {id} {(DateTimeOffset.UtcNow - injectedAt).TotalSeconds:0} s after the injection");

        await Poll.UntilAsync(async () => (await am.GetFromJsonAsync<JsonElement>("api/v2/alerts")).EnumerateArray()
            .Any(a => Label(a, "incident_id") == id && Label(a, "alertname") == "AIOpsIncident" && Label(a, "indicator") == "memory"), TimeSpan.FromMinutes(2), "the incident's alert in Alertmanager");
        await Poll.UntilAsync(async () => (await Notifications(demo)).Any(n => n.Status == "firing" && n.Incident == id), TimeSpan.FromMinutes(1), "Alertmanager's webhook to bring the alert back");

        JsonElement action = default;
        await Poll.UntilAsync(async () => (await demo.GetAsync("/api/v1/actions")).EnumerateArray()
            .FirstOrDefault(a => a.GetProperty("policy").GetString() == "restart-on-alert") is { ValueKind: JsonValueKind.Object } found
            && (action = found).GetProperty("state").GetString() is "verifying" or "succeeded" or "escalated", TimeSpan.FromMinutes(2), "the policy on alerts to restart the replica");
        action.GetProperty("trigger").GetProperty("source").GetString().Should().Be("alert");
        action.GetProperty("trigger").GetProperty("id").GetString().Should().Be(id, "an incident's own alert answers to the incident");
        action.GetProperty("instance").GetString().Should().Be(target.InstanceId, "the leaking replica is the one restarted");
        var silence = action.GetProperty("silenceId").GetString();
        silence.Should().NotBeNullOrEmpty("the action's alerts are silenced while it runs");

        var actionId = action.GetProperty("id").GetString();
        await Poll.UntilAsync(async () => (await demo.GetAsync($"/api/v1/actions/{actionId}")).GetProperty("state").GetString() == "succeeded", TimeSpan.FromMinutes(6), "the restart to be verified");
        (await am.GetFromJsonAsync<JsonElement>($"api/v2/silence/{silence}")).GetProperty("status").GetProperty("state").GetString().Should().Be("expired", "the silence ends with the action");
        await Poll.UntilAsync(async () => (await Notifications(demo)).Any(n => n.Status == "resolved" && n.Incident == id), TimeSpan.FromMinutes(15), "the alert to resolve in Alertmanager");
        output.WriteLine($"resolved alert {(DateTimeOffset.UtcNow - injectedAt).TotalSeconds:0} s after the injection");
    }

    private static string? Label(JsonElement alert, string name) =>
        alert.GetProperty("labels").TryGetProperty(name, out var value) ? value.GetString() : null;

    private static async Task<IReadOnlyList<(string Status, string? Incident)>> Notifications(DemoProcess demo) =>
        [.. (await demo.GetAsync("/api/v1/alertmanager/notifications")).EnumerateArray()
            .SelectMany(n => n.GetProperty("alerts").EnumerateArray())
            .Select(a => (a.GetProperty("status").GetString()!, Label(a, "incident_id")))];
}
