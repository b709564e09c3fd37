using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using AIOps.Analyzer.Incidents;
using AIOps.Analyzer.RootCause;
using AIOps.Analyzer.Signals;
using AIOps.Remediator.Actions;
using AIOps.Remediator.Drivers;
using AIOps.Remediator.Engine;
using AIOps.Remediator.Policies;
using AIOps.Remediator.Reports;
using AIOps.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace AIOps.Remediator.Tests.Engine;

public sealed class RemediationEndpointsTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("aiops-api-").FullName;
    private readonly FakeDriver _driver = new();
    private ActionLog _log = null!;
    private RemediationEngine _engine = null!;
    private WebApplication _app = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _driver.Services["hotel"] = new ServiceReplicas(2, 2, ["hotel-1", "hotel-2"]);
        _log = new ActionLog(Path.Combine(_directory, "actions.jsonl"));
        var set = new PolicySet
        {
            Policies = [new RemediationPolicy { Name = "restart-leak", Mode = RemediationMode.Approve, Action = new PolicyAction { Type = RemediationActionType.RestartInstance } }],
        };
        _engine = new RemediationEngine(() => set, _driver, _log, TimeProvider.System, NullLogger<RemediationEngine>.Instance);
        _app = await LoopbackApp.StartAsync(
            app => app.MapRemediationApi(new Dictionary<string, string> { ["alice"] = "alice-token" }),
            services => services.AddSingleton(_log).AddSingleton(_engine).AddSingleton(new RemediationReports(new RemediationOptions { DataDirectory = _directory })));
        _http = new HttpClient { BaseAddress = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/") };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
        _engine.Dispose();
        _log.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task<RemediationAction> ProposedAsync()
    {
        var incident = new Incident
        {
            Id = "i1", Status = IncidentStatus.Open, OpenedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow, Title = "Memory up on hotel",
            Services = ["hotel"], Timeline = [], CausesRankedAt = DateTimeOffset.UtcNow,
            Signals = [new IncidentSignal("hotel", null, Indicator.Memory, DateTimeOffset.UtcNow, null, 1, 2, 2, 0.9, "Value", "up")],
            Causes = [new RankedCause("hotel", 1, "memory", null, "hotel-2", [])],
        };
        return (await _engine.DecideAsync(incident, CancellationToken.None)).Single();
    }

    private static HttpRequestMessage Post(string path, string? token) => new(HttpMethod.Post, path)
    {
        Headers = { Authorization = token is null ? null : new AuthenticationHeaderValue("Bearer", token) },
    };

    [Fact]
    public async Task Approve_WithAnOperatorsToken_RunsTheActionAndRecordsWho()
    {
        var action = await ProposedAsync();

        using var response = await _http.SendAsync(Post($"api/v1/actions/{action.Id}/approve", "alice-token"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        json.GetProperty("state").GetString().Should().Be("verifying");
        json.GetProperty("approvedBy").GetString().Should().Be("alice");
        _driver.Changes.Should().Equal("restart hotel-2");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("guess")]
    public async Task Approve_WithoutAnOperatorsToken_Is401AndChangesNothing(string? token)
    {
        var action = await ProposedAsync();

        using var response = await _http.SendAsync(Post($"api/v1/actions/{action.Id}/approve", token));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        _log.Get(action.Id)!.State.Should().Be(ActionState.Proposed);
    }

    [Fact]
    public async Task Reject_ThenApprove_Is409()
    {
        var action = await ProposedAsync();
        using (var rejected = await _http.SendAsync(Post($"api/v1/actions/{action.Id}/reject?reason=not+now", "alice-token")))
        {
            rejected.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        using var response = await _http.SendAsync(Post($"api/v1/actions/{action.Id}/approve", "alice-token"));

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await response.Content.ReadAsStringAsync()).Should().Contain("is rejected, not waiting for approval");
    }

    [Fact]
    public async Task Actions_ListAndGet_InTheAuditFilesForm()
    {
        var action = await ProposedAsync();

        var list = JsonDocument.Parse(await _http.GetStringAsync("api/v1/actions?state=proposed&service=hotel")).RootElement;
        var one = JsonDocument.Parse(await _http.GetStringAsync($"api/v1/actions/{action.Id}")).RootElement;

        list.GetArrayLength().Should().Be(1);
        one.GetProperty("type").GetString().Should().Be("restart-instance");
        one.GetProperty("plan").GetProperty("changes")[0].GetString().Should().Be("restart hotel-2");
        (await _http.GetAsync("api/v1/actions/nope")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await _http.GetAsync("api/v1/actions?state=sleeping")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task KillSwitch_OperatorTurnsItOn_AndApprovedActionsAreBlocked()
    {
        var action = await ProposedAsync();

        using (var on = await _http.SendAsync(Post("api/v1/remediation/kill-switch?on=true", "alice-token")))
        {
            on.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        using var approve = await _http.SendAsync(Post($"api/v1/actions/{action.Id}/approve", "alice-token"));

        JsonDocument.Parse(await approve.Content.ReadAsStringAsync()).RootElement.GetProperty("state").GetString().Should().Be("blocked");
        _driver.Changes.Should().BeEmpty();
        (await _http.SendAsync(Post("api/v1/remediation/kill-switch?on=false", null))).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        _engine.KillSwitch.Should().BeTrue();
    }

    [Fact]
    public async Task Reports_ListedByDay_ReadByDay_BadDayNamed()
    {
        var day = new DateOnly(2026, 11, 20);
        new RemediationReports(new RemediationOptions { DataDirectory = _directory }).Write(RemediationReportBuilder.Build(day, [], [], DateTimeOffset.UtcNow));

        (await _http.GetStringAsync("api/v1/remediation/reports")).Should().Be("[\"2026-11-20\"]");
        var report = JsonDocument.Parse(await _http.GetStringAsync("api/v1/remediation/reports/2026-11-20")).RootElement;
        report.GetProperty("day").GetString().Should().Be("2026-11-20");
        report.GetProperty("actions").GetInt32().Should().Be(0);
        using var missing = await _http.GetAsync("api/v1/remediation/reports/2026-11-21");
        missing.StatusCode.Should().Be(HttpStatusCode.NotFound);
        using var bad = await _http.GetAsync("api/v1/remediation/reports/yesterday");
        bad.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await bad.Content.ReadAsStringAsync()).Should().Contain("day must be YYYY-MM-DD");
    }
}
