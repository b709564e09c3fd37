using AIOps.Dashboard.Components.Pages;
using AIOps.Dashboard.Security;
using AIOps.Remediator;
using AIOps.Remediator.Actions;
using AIOps.Remediator.Drivers.Process;
using AIOps.Remediator.Engine;
using AIOps.Remediator.Policies;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace AIOps.Dashboard.Tests.Components.Pages;

public sealed class RemediationTests : IAsyncLifetime
{
    private const string PolicyYaml = """
        limits:
          actions_per_hour: 12
          actions_per_hour_per_service: 4
          concurrent_services: 2
          approval_expiry: 15m
        freezes:
          - name: year-end
            start: 2026-12-24T00:00:00Z
            end: 2026-12-27T00:00:00Z
          - name: weekend
            days: [sat, sun]
            from: "00:00"
            to: "24:00"
        policies:
          - name: scale-out-hotel
            mode: approve
            match:
              services: [hotel]
              cause_indicators: [latency, cpu]
            action:
              type: scale-out
              replicas: "+1"
              max_replicas: 6
            cooldown: 5m
            verify_within: 90s
          - name: restart-hotel
            mode: shadow
            action:
              type: rolling-restart
        """;

    // A Wednesday: the weekend freeze is not in force.
    private static readonly DateTimeOffset s_now = new(2026, 3, 4, 10, 0, 0, TimeSpan.Zero);
    private readonly string _directory = Directory.CreateTempSubdirectory("aiops-remediation-").FullName;
    private readonly LocalProcessSupervisor _supervisor = new(TimeProvider.System, NullLogger<LocalProcessSupervisor>.Instance);
    private ActionLog _log = null!;
    private LocalProcessDriver _driver = null!;
    private RemediationEngine _engine = null!;
    private RemediationOptions _options = null!;
    private PolicySource _policies = null!;

    public Task InitializeAsync()
    {
        var file = Path.Combine(_directory, "policies.yaml");
        File.WriteAllText(file, PolicyYaml);
        _options = new RemediationOptions { Enabled = true, PolicyFile = file, DataDirectory = _directory };
        _policies = new PolicySource(_options);
        _log = new ActionLog(Path.Combine(_directory, "actions.jsonl"));
        _driver = new LocalProcessDriver(_supervisor, (service, _) => throw new InvalidOperationException($"no {service} here"));
        _engine = new RemediationEngine(() => _policies.Current, _driver, _log, TimeProvider.System, NullLogger<RemediationEngine>.Instance);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _engine.Dispose();
        _driver.Dispose();
        _log.Dispose();
        await _supervisor.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Render_ProposedActionForAnOperator_ShowsItsPlanTriggerAndApproveReject()
    {
        _log.Append(OpsSamples.Proposed(s_now, "act-1"));

        var html = await RenderAsync(DashboardRoles.Operator);

        var pending = Section(html, "<h2>Waiting for approval (1)</h2>", "<h2>In progress");
        pending.Should().Contain("<strong>scale-out</strong> on <a href=\"/services/hotel\">hotel</a>")
            .And.Contain("<strong>Plan:</strong> scale hotel from 2 to 3 replicas")
            .And.Contain("replicas 2 → 3")
            .And.Contain("PATCH /apis/apps/v1/namespaces/travel/deployments/hotel/scale")
            .And.Contain("expires 10:13:00 (in 13m 00s)")
            .And.Contain("<a href=\"/incidents/inc-hotel\">p95 latency up on gateway (GET /book)</a>")
            .And.Contain("hotel (latency, 0.92), gateway (latency, 0.31)")
            .And.Contain("<form method=\"post\" action=\"/ui/actions/act-1/approve\">")
            .And.Contain("<form method=\"post\" action=\"/ui/actions/act-1/reject\">")
            .And.Contain("<input name=\"reason\"")
            .And.Contain($"name=\"__RequestVerificationToken\" value=\"{FixedAntiforgery.Token}\"")
            .And.Contain("<input type=\"hidden\" name=\"returnUrl\" value=\"/remediation\" />")
            .And.NotContain("An operator approves");
    }

    [Fact]
    public async Task Render_ProposedActionForAViewer_ShowsItWithoutButtons()
    {
        _log.Append(OpsSamples.Proposed(s_now, "act-1"));

        var html = await RenderAsync(DashboardRoles.Viewer);

        html.Should().Contain("scale hotel from 2 to 3 replicas")
            .And.Contain("An operator approves or rejects this action.")
            .And.Contain("An operator turns it on or off.")
            .And.NotContain("/ui/actions/")
            .And.NotContain("/ui/remediation/")
            .And.NotContain("method=\"post\"");
    }

    [Fact]
    public async Task Render_KillSwitchOn_SaysSoAndOffersAnOperatorToTurnItOff()
    {
        _engine.KillSwitch = true;

        var html = await RenderAsync(DashboardRoles.Operator);

        html.Should().Contain("<span class=\"badge bad\">on</span>")
            .And.Contain("every action is blocked until an operator turns it off")
            .And.Contain("<form method=\"post\" action=\"/ui/remediation/kill-switch\">")
            .And.Contain("<input type=\"hidden\" name=\"on\" value=\"false\" />")
            .And.Contain("Turn the kill switch off</button>");
    }

    [Fact]
    public async Task Render_KillSwitchOff_OffersToTurnItOn()
    {
        var html = await RenderAsync(DashboardRoles.Operator);

        html.Should().Contain("<span class=\"badge ok\">off</span>")
            .And.Contain("<input type=\"hidden\" name=\"on\" value=\"true\" />")
            .And.Contain("Turn the kill switch on</button>");
    }

    [Fact]
    public async Task Render_ActionsOfEveryKind_InProgressAndHistoryNewestFirstWithSteps()
    {
        var verifying = OpsSamples.Proposed(s_now, "act-verifying", policy: "scale-out-hotel")
            .MoveTo(ActionState.Approved, s_now.AddMinutes(-1), "olivia", "approved")
            .MoveTo(ActionState.Executing, s_now.AddMinutes(-1), "aiops", "within the safety limits")
            .MoveTo(ActionState.Verifying, s_now.AddSeconds(-50), "aiops", "done; checking") with { VerifyBy = s_now.AddMinutes(2) };
        _log.Append(OpsSamples.Succeeded(s_now, "act-done"));
        _log.Append(verifying);

        var html = await RenderAsync(DashboardRoles.Viewer);

        var running = Section(html, "<h2>In progress (1)</h2>", "<h2>History</h2>");
        running.Should().Contain("<span class=\"badge warn\">verifying</span>").And.Contain("<td>olivia</td>").And.Contain("<td>10:02:00</td>");
        var history = Section(html, "<h2>History</h2>", "<h2>Policies in force</h2>");
        history.IndexOf("<span class=\"badge warn\">verifying</span>", StringComparison.Ordinal)
            .Should().BeLessThan(history.IndexOf("<span class=\"badge ok\">succeeded</span>", StringComparison.Ordinal), "the newest action comes first");
        history.Should().Contain("<summary>5 steps</summary>")
            .And.Contain("<td>hotel recovered: the incident&#x27;s signals on it ended</td>");
    }

    [Fact]
    public async Task Render_HistoryFilteredByState_ShowsOnlyThatState()
    {
        _log.Append(OpsSamples.Succeeded(s_now, "act-done"));
        _log.Append(OpsSamples.Proposed(s_now, "act-waiting").MoveTo(ActionState.Rejected, s_now, "olivia", "not during the sale"));

        var html = await RenderAsync(DashboardRoles.Viewer, "?state=rejected");

        var history = Section(html, "<h2>History</h2>", "<h2>Policies in force</h2>");
        history.Should().Contain("<span class=\"badge warn\">rejected</span>")
            .And.Contain("not during the sale")
            .And.Contain("<option value=\"rejected\" selected>rejected</option>")
            .And.NotContain("succeeded</span>");
    }

    [Fact]
    public async Task Render_Policies_ShowsEachRuleTheLimitsAndTheFreezes()
    {
        var html = await RenderAsync(DashboardRoles.Viewer);

        var policies = html[html.IndexOf("<h2>Policies in force</h2>", StringComparison.Ordinal)..];
        policies.Should().Contain("scale-out-hotel <span class=\"muted\">line 15</span>")
            .And.Contain("<span class=\"mode approve\">approve</span>")
            .And.Contain("services: hotel; cause indicators: latency, cpu")
            .And.Contain("scale-out &#x2B;1, at most 6 replicas")
            .And.Contain("<td>5m</td>").And.Contain("<td>90s</td>")
            .And.Contain("<span class=\"mode shadow\">shadow</span>")
            .And.Contain("any incident or alert")
            .And.Contain("12 actions an hour over all services, 4 on one service")
            .And.Contain("2 services changing at once")
            .And.Contain("proposals expire after 15m without approval")
            .And.Contain("year-end: 2026-12-24 00:00:00 UTC to 2026-12-27 00:00:00 UTC")
            .And.Contain("weekend: sat, sun 00:00 to 24:00 UTC")
            .And.NotContain("in force now")
            .And.NotContain("policy-editor", "only an admin edits the policies");
    }

    [Fact]
    public async Task Render_Admin_ShowsThePolicyFileInAnEditor()
    {
        var html = await RenderAsync(DashboardRoles.Admin);

        html.Should().Contain("<form class=\"policy-editor\" method=\"post\" action=\"/ui/remediation/policies\">")
            .And.Contain("<textarea id=\"policy-yaml\" name=\"yaml\"")
            .And.Contain("  - name: scale-out-hotel")
            .And.Contain("replicas: &quot;&#x2B;1&quot;");
    }

    [Fact]
    public async Task Render_NoticeAndErrorInTheAddress_AreShown()
    {
        var notice = await RenderAsync(DashboardRoles.Operator, "?notice=Kill%20switch%20turned%20on%20by%20olivia.");
        var error = await RenderAsync(DashboardRoles.Operator, "?error=no%20action%20x");

        notice.Should().Contain("<p class=\"notice ok\" role=\"status\">Kill switch turned on by olivia.</p>");
        error.Should().Contain("<p class=\"notice bad\" role=\"alert\">no action x</p>");
    }

    [Fact]
    public async Task Render_RemediationOff_SaysHowToTurnItOn()
    {
        _options.Enabled = false;

        var html = await RenderAsync(DashboardRoles.Admin);

        html.Should().Contain("Remediation is off: no policy acts.")
            .And.Contain("There is no policy file to edit while remediation is off.")
            .And.Contain("No policy is in force.");
    }

    private static string Section(string html, string from, string to)
    {
        var start = html.IndexOf(from, StringComparison.Ordinal);
        start.Should().BeGreaterThanOrEqualTo(0, $"the page has {from}");
        var end = html.IndexOf(to, start, StringComparison.Ordinal);
        return html[start..(end < 0 ? html.Length : end)];
    }

    private Task<string> RenderAsync(string role, string query = "") =>
        ComponentRenderer.RenderAsync<Remediation>(
            ComponentRenderer.Request(s_now, role, "/remediation" + query),
            s => s.AddSingleton(_log).AddSingleton(_engine).AddSingleton(_policies).AddSingleton(_options)
                .AddSingleton<AntiforgeryStateProvider>(new FixedAntiforgery()));
}
