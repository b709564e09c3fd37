using System.Text.Json;
using AIOps.Remediator.Alertmanager;
using AIOps.Testing;

namespace AIOps.Remediator.Tests.Alertmanager;

public sealed class AlertmanagerClientTests
{
    private static OutgoingAlert Incident(DateTimeOffset? endsAt = null) => new(
        new Dictionary<string, string> { ["alertname"] = "AIOpsIncident", ["service"] = "hotel", ["severity"] = "critical", ["incident_id"] = "01abc" },
        new Dictionary<string, string> { ["summary"] = "LatencyP95 up on hotel", ["rca"] = "hotel (latency, 1.00)" },
        DateTimeOffset.UtcNow.AddMinutes(-1),
        endsAt,
        new Uri("http://127.0.0.1:8080/incidents/01abc"));

    private static async Task<JsonElement[]> AlertsAsync(HttpClient http) =>
        JsonDocument.Parse(await http.GetStringAsync("api/v2/alerts")).RootElement.EnumerateArray().ToArray();

    [Fact]
    public async Task PostAlertsAsync_FiringThenResolved_AlertmanagerShowsThenDropsIt()
    {
        await using var server = AlertmanagerServer.Start(AlertmanagerServer.Blackhole);
        using var http = await AlertmanagerServer.ReadyAsync(server);
        var client = new AlertmanagerClient(http);

        await client.PostAlertsAsync([Incident()], CancellationToken.None);

        var alert = (await AlertsAsync(http)).Should().ContainSingle().Subject;
        alert.GetProperty("labels").GetProperty("incident_id").GetString().Should().Be("01abc");
        alert.GetProperty("annotations").GetProperty("rca").GetString().Should().Be("hotel (latency, 1.00)");
        alert.GetProperty("generatorURL").GetString().Should().Be("http://127.0.0.1:8080/incidents/01abc");
        alert.GetProperty("status").GetProperty("state").GetString().Should().Be("active");

        await client.PostAlertsAsync([Incident(endsAt: DateTimeOffset.UtcNow.AddSeconds(-1))], CancellationToken.None);

        await Poll.UntilAsync(async () => (await AlertsAsync(http)).Length == 0, TimeSpan.FromSeconds(30), "the resolved alert to leave the active list");
    }

    [Fact]
    public async Task CreateSilenceAsync_SuppressesTheMatchingAlertUntilExpired()
    {
        await using var server = AlertmanagerServer.Start(AlertmanagerServer.Blackhole);
        using var http = await AlertmanagerServer.ReadyAsync(server);
        var client = new AlertmanagerClient(http);
        await client.PostAlertsAsync([Incident()], CancellationToken.None);

        var id = await client.CreateSilenceAsync(
            new Dictionary<string, string> { ["service"] = "hotel", ["incident_id"] = "01abc" },
            DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddMinutes(10), "aiops", "remediation a1 restarting hotel-2", CancellationToken.None);

        await Poll.UntilAsync(async () => (await AlertsAsync(http)).Single().GetProperty("status").GetProperty("state").GetString() == "suppressed",
            TimeSpan.FromSeconds(30), "the alert to be suppressed");
        (await AlertsAsync(http)).Single().GetProperty("status").GetProperty("silencedBy").EnumerateArray().Select(s => s.GetString()).Should().Equal(id);

        await client.ExpireSilenceAsync(id, CancellationToken.None);

        var silence = JsonDocument.Parse(await http.GetStringAsync("api/v2/silence/" + id)).RootElement;
        silence.GetProperty("status").GetProperty("state").GetString().Should().Be("expired");
        silence.GetProperty("createdBy").GetString().Should().Be("aiops");
        await Poll.UntilAsync(async () => (await AlertsAsync(http)).Single().GetProperty("status").GetProperty("state").GetString() == "active",
            TimeSpan.FromSeconds(30), "the alert to be active again");
    }

    [Fact]
    public async Task PostAlertsAsync_Refused_SaysWhatAlertmanagerAnswered()
    {
        await using var server = AlertmanagerServer.Start(AlertmanagerServer.Blackhole);
        using var http = await AlertmanagerServer.ReadyAsync(server);
        var client = new AlertmanagerClient(http);
        var nameless = Incident() with { Labels = new Dictionary<string, string>() };

        var post = () => client.PostAlertsAsync([nameless], CancellationToken.None);

        (await post.Should().ThrowAsync<HttpRequestException>()).Which.Message.Should().StartWith("POST /api/v2/alerts: 400");
    }
}
