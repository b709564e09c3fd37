using System.Net;
using System.Text.Json;
using AIOps.Dashboard.Hosting;
using AIOps.Dashboard.Security;
using AIOps.Dashboard.Tests.Components;
using AIOps.Dashboard.Tests.Security;
using AIOps.Remediator;
using AIOps.Remediator.Actions;
using AIOps.Remediator.Engine;
using AIOps.Remediator.Policies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace AIOps.Dashboard.Tests.Api;

/// <summary>
/// The remediation page's forms against the real host: people signed in through the login form, with the antiforgery
/// token their pages carry, approving, rejecting, switching everything off and editing the policies by role.
/// </summary>
public sealed class RemediationUiEndpointsTests : IAsyncLifetime
{
    private const string Password = "correct horse battery staple";
    private const string PolicyYaml = """
        policies:
          - name: scale-out-hotel
            mode: approve
            match:
              services: [hotel]
            action:
              type: scale-out
              replicas: "+1"
        """;

    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);
    private readonly string _directory = Directory.CreateTempSubdirectory("aiops-remediation-ui-").FullName;
    private readonly List<BrowserSession> _sessions = [];
    private string _policyFile = "";
    private WebApplication _app = null!;
    private Uri _address = null!;

    private ActionLog Log => _app.Services.GetRequiredService<ActionLog>();

    public async Task InitializeAsync()
    {
        // Users as the users file in the data directory holds them; the policies and a waiting action on disk before the start.
        var users = new[] { ("olivia", DashboardRoles.Operator), ("victor", DashboardRoles.Viewer), ("ada", DashboardRoles.Admin) }
            .Select(u => new DashboardUser { Name = u.Item1, Role = u.Item2, PasswordHash = PasswordHash.Create(Password, 10_000) });
        await File.WriteAllTextAsync(Path.Combine(_directory, UserDirectory.UsersFile), JsonSerializer.Serialize(users, s_json));
        _policyFile = Path.Combine(_directory, "policies.yaml");
        await File.WriteAllTextAsync(_policyFile, PolicyYaml);
        using (var log = new ActionLog(Path.Combine(_directory, "remediation", "actions.jsonl")))
        {
            log.Append(OpsSamples.Proposed(TimeProvider.System.GetUtcNow(), "act-1"));
        }

        _app = AiopsHost.Build(
            new AiopsHostOptions { Urls = "http://127.0.0.1:0", OtlpHttpUrl = null, OtlpGrpcPort = null, DataDirectory = _directory, Registry = new Uri("http://127.0.0.1:1/") },
            services => services.Configure<RemediationOptions>(r =>
            {
                r.Enabled = true;
                r.PolicyFile = _policyFile;
            }));
        await _app.StartAsync();
        _address = new Uri(_app.Urls.Single());
    }

    public async Task DisposeAsync()
    {
        _sessions.ForEach(c => c.Dispose());
        await _app.StopAsync();
        await _app.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Approve_Operator_ActionLeavesProposedWithTheOperatorInTheAuditLog()
    {
        var olivia = await SignInAsync("olivia");
        var page = await olivia.GetStringAsync("/remediation");
        page.Should().Contain("action=\"/ui/actions/act-1/approve\"", "an operator sees the buttons");

        using var response = await olivia.PostAsync("/ui/actions/act-1/approve", BrowserSession.Token(page), ("returnUrl", "/remediation"));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().StartWith("/remediation?");
        var action = Log.Get("act-1")!;
        action.State.Should().NotBe(ActionState.Proposed);
        action.ApprovedBy.Should().Be("olivia");
        action.History.Should().Contain(t => t.State == ActionState.Approved && t.By == "olivia");
        var shown = await olivia.GetStringAsync(response.Headers.Location!.OriginalString);
        shown.Should().Contain("Action act-1 (scale-out-hotel on hotel) approved by olivia");
    }

    [Fact]
    public async Task Reject_Operator_RecordsTheOperatorAndTheReason()
    {
        var olivia = await SignInAsync("olivia");

        using var response = await olivia.PostAsync("/ui/actions/act-1/reject", await olivia.TokenAsync("/remediation"), ("reason", "not during the flash sale"), ("returnUrl", "/remediation?state=rejected"));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var location = response.Headers.Location!.OriginalString;
        location.Should().StartWith("/remediation?state=rejected&notice=");
        Notice(location, "notice").Should().Be("Action act-1 (scale-out-hotel on hotel) rejected by olivia.");
        var action = Log.Get("act-1")!;
        action.State.Should().Be(ActionState.Rejected);
        action.History[^1].Should().Match<ActionTransition>(t => t.By == "olivia" && t.Reason == "not during the flash sale");
    }

    [Fact]
    public async Task Approve_UnknownAction_RedirectsWithTheEnginesError()
    {
        var olivia = await SignInAsync("olivia");

        using var response = await olivia.PostAsync("/ui/actions/no-such/approve", await olivia.TokenAsync("/remediation"));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        Notice(response.Headers.Location!.OriginalString, "error").Should().Be("no action no-such");
    }

    [Fact]
    public async Task Approve_AlreadyDecided_RedirectsWithTheConflict()
    {
        var olivia = await SignInAsync("olivia");
        var token = await olivia.TokenAsync("/remediation");
        (await olivia.PostAsync("/ui/actions/act-1/reject", token)).Dispose();

        using var response = await olivia.PostAsync("/ui/actions/act-1/approve", token);

        Notice(response.Headers.Location!.OriginalString, "error").Should().Be("action act-1 is rejected, not waiting for approval");
    }

    [Fact]
    public async Task Approve_Viewer_IsForbiddenAndChangesNothing()
    {
        var victor = await SignInAsync("victor");
        var page = await victor.GetStringAsync("/remediation");
        page.Should().NotContain("/ui/actions/act-1/approve").And.Contain("An operator approves or rejects this action.");

        using var response = await victor.PostAsync("/ui/actions/act-1/approve", BrowserSession.Token(page));

        Refused(response).Should().BeTrue($"a viewer may not approve, got {(int)response.StatusCode} {response.Headers.Location}");
        Log.Get("act-1")!.State.Should().Be(ActionState.Proposed);
    }

    [Fact]
    public async Task Approve_WithoutAntiforgeryToken_BadRequestAndChangesNothing()
    {
        var olivia = await SignInAsync("olivia");

        using var response = await olivia.PostAsync("/ui/actions/act-1/approve", new Dictionary<string, string> { ["returnUrl"] = "/remediation" }, tokenFrom: null);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        Log.Get("act-1")!.State.Should().Be(ActionState.Proposed);
    }

    [Fact]
    public async Task KillSwitch_Operator_TurnsItOnAndTheNoticeNamesWho()
    {
        var olivia = await SignInAsync("olivia");

        using var response = await olivia.PostAsync("/ui/remediation/kill-switch", await olivia.TokenAsync("/remediation"), ("on", "true"));

        _app.Services.GetRequiredService<RemediationEngine>().KillSwitch.Should().BeTrue();
        Notice(response.Headers.Location!.OriginalString, "notice").Should().Be("Kill switch turned on by olivia: no action runs until it is turned off.");
        var page = await olivia.GetStringAsync(response.Headers.Location!.OriginalString);
        page.Should().Contain("Kill switch turned on by olivia").And.Contain("Turn the kill switch off</button>");
    }

    [Fact]
    public async Task Policies_AdminSavesAValidFile_WrittenAndInForce()
    {
        var ada = await SignInAsync("ada");
        var page = await ada.GetStringAsync("/remediation");
        page.Should().Contain("action=\"/ui/remediation/policies\"");
        var edited = PolicyYaml.Replace("mode: approve", "mode: shadow", StringComparison.Ordinal) + "\r\n  - name: restart-gateway\r\n    action:\r\n      type: rolling-restart\r\n";

        using var response = await ada.PostAsync("/ui/remediation/policies", BrowserSession.Token(page), ("yaml", edited));

        Notice(response.Headers.Location!.OriginalString, "notice").Should().Be("Policies saved by ada: 2 policies in force.");
        (await File.ReadAllTextAsync(_policyFile)).Should().Be(edited.ReplaceLineEndings("\n"));
        var set = _app.Services.GetRequiredService<PolicySource>().Current;
        set.Policies.Select(p => (p.Name, p.Mode)).Should().Equal(("scale-out-hotel", RemediationMode.Shadow), ("restart-gateway", RemediationMode.Shadow));
        Directory.GetFiles(_directory, "*.tmp").Should().BeEmpty("the temporary file took the policy file's place");
    }

    [Fact]
    public async Task Policies_AdminSavesABadFile_RefusedWithItsLineAndTheFileInForceStays()
    {
        var ada = await SignInAsync("ada");
        var bad = PolicyYaml.Replace("mode: approve", "mode: sometimes", StringComparison.Ordinal);

        using var response = await ada.PostAsync("/ui/remediation/policies", await ada.TokenAsync("/remediation"), ("yaml", bad));

        Notice(response.Headers.Location!.OriginalString, "error").Should().StartWith("not saved, the policies in force stay: policies.yaml:3:");
        (await File.ReadAllTextAsync(_policyFile)).Should().Be(PolicyYaml);
        _app.Services.GetRequiredService<PolicySource>().Current.Policies.Should().ContainSingle(p => p.Mode == RemediationMode.Approve);
    }

    [Fact]
    public async Task Policies_Operator_IsForbiddenAndTheFileStays()
    {
        var olivia = await SignInAsync("olivia");

        using var response = await olivia.PostAsync("/ui/remediation/policies", await olivia.TokenAsync("/remediation"), ("yaml", "policies: []"));

        Refused(response).Should().BeTrue($"an operator may not change the policies, got {(int)response.StatusCode} {response.Headers.Location}");
        (await File.ReadAllTextAsync(_policyFile)).Should().Be(PolicyYaml);
    }

    private async Task<BrowserSession> SignInAsync(string name)
    {
        var session = new BrowserSession(_address);
        _sessions.Add(session);
        using var response = await session.SignInAsync(name, Password, "/remediation");
        response.Headers.Location!.OriginalString.Should().Be("/remediation", $"{name} signs in");
        return session;
    }

    // Refused as the cookie scheme refuses a signed-in user without the role: 403, or a redirect to the forbidden page.
    private bool Refused(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Forbidden
        || (response.StatusCode == HttpStatusCode.Redirect && new Uri(_address, response.Headers.Location!).AbsolutePath == "/forbidden");

    private static string Notice(string location, string name) =>
        QueryHelpers.ParseQuery(new Uri(new Uri("http://host"), location).Query)[name].ToString();
}
