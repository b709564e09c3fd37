using System.Text.Json;
using AIOps.Dashboard.Demo;
using AIOps.Dashboard.Security;
using AIOps.Dashboard.Tests.Demo;
using AIOps.Testing;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace AIOps.Dashboard.Tests.Browser;

/// <summary>
/// The SRE's path through the dashboard in real Chromium, against the running demo: sign in, see every travel service
/// on the overview, a fault injected into one hotel replica becomes an incident whose ranking names hotel, the
/// restart its policy proposes waits for approval, a viewer cannot approve it, an operator does, and it runs and is
/// verified. Every page is saved as a screenshot under tests/artifacts/.
/// </summary>
[Collection(nameof(DemoIncidentRun))]
public sealed class DashboardBrowserTests(ITestOutputHelper output) : IDisposable
{
    private const string OperatorPassword = "operator-e2e-password";
    private const string ViewerPassword = "viewer-e2e-password";
    private static readonly string[] s_services = ["gateway", "user", "hotel", "flight", "order", "payment", "promotion", "notification"];
    private readonly string _directory = Directory.CreateTempSubdirectory("aiops-browser-e2e-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Operator_OpensTheIncidentSeesHotelRankedFirstAndApprovesTheVerifiedRestart_ViewerCannotApprove()
    {
        var (config, policies) = await WriteSettingsAsync();
        await using var demo = TestDemo.Start(
            "--qps", "40", "--day-minutes", "60", "--start-hour", "12", "--flash-sales-per-day", "0",
            "--config", config, "--remediation", policies);
        await demo.RunningAsync(TimeSpan.FromSeconds(90));
        await using var chromium = await Chromium.LaunchAsync();

        var sre = await chromium.NewPageAsync(demo.Host("/"));
        await Chromium.SignInAsync(sre, "sam", OperatorPassword);
        await ReloadUntilAsync(sre, "/", async () => await Task.WhenAll(s_services.Select(s => sre.Locator($"a[href='/services/{s}']").CountAsync())) is var counts && counts.All(c => c > 0),
            TimeSpan.FromMinutes(3), "every travel service on the overview");
        await Chromium.ScreenshotAsync(sre, "overview");

        await demo.DetectorsWarmAsync();
        var target = (await demo.InstancesAsync("hotel")).OrderBy(i => i.InstanceId, StringComparer.Ordinal).First();
        await demo.InjectFaultAsync(target, new InstanceFault("memory", 10, 900));
        output.WriteLine($"memory leak in {target.InstanceId}");

        // The incident appears in the list; the SRE opens it and waits for its ranking.
        var incidentRow = sre.Locator("tr", new PageLocatorOptions { HasText = "hotel" }).Locator("a[href^='/incidents/']");
        await ReloadUntilAsync(sre, "/incidents?status=open", async () => await incidentRow.CountAsync() > 0, TimeSpan.FromMinutes(5), "an open incident on hotel in the list");
        await Chromium.ScreenshotAsync(sre, "incidents");
        await incidentRow.First.ClickAsync();
        var incidentPath = new Uri(sre.Url).PathAndQuery;
        var firstCause = sre.Locator("[data-rank='1']");
        await ReloadUntilAsync(sre, incidentPath, async () => await firstCause.CountAsync() > 0, TimeSpan.FromMinutes(2), "the incident's root-cause ranking");
        (await firstCause.GetAttributeAsync("data-service")).Should().Be("hotel", "the leak is in hotel");
        await Chromium.ScreenshotAsync(sre, "incident");

        // The policy's restart waits for approval. A viewer sees it but has no button, and a forged post is refused.
        var approve = sre.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Approve" });
        await ReloadUntilAsync(sre, "/remediation", async () => await approve.CountAsync() > 0, TimeSpan.FromMinutes(2), "the proposed restart with its Approve button");
        var approveAction = await approve.First.EvaluateAsync<string>("b => b.form.getAttribute('action')");
        var actionId = approveAction.Split('/')[3];
        (await demo.GetAsync($"/api/v1/actions/{actionId}")).GetProperty("state").GetString().Should().Be("proposed");
        await Chromium.ScreenshotAsync(sre, "remediation-pending");

        var viewer = await chromium.NewPageAsync(demo.Host("/"));
        await Chromium.SignInAsync(viewer, "vera", ViewerPassword);
        await viewer.GotoAsync("/remediation");
        (await viewer.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Approve" }).CountAsync()).Should().Be(0, "a viewer has no approve button");
        (await viewer.Locator("main").InnerTextAsync()).Should().Contain(actionId[..8], "a viewer still sees the pending action");
        await Chromium.ScreenshotAsync(viewer, "remediation-viewer");
        var token = await viewer.Locator("input[name='__RequestVerificationToken']").First.GetAttributeAsync("value");
        var forged = await viewer.APIRequest.PostAsync(approveAction, new APIRequestContextOptions
        {
            Form = viewer.APIRequest.CreateFormData().Set("__RequestVerificationToken", token!).Set("confirm", "yes"),
            MaxRedirects = 0,
        });
        (forged.Status == 403 || (forged.Status == 302 && forged.Headers["location"].Contains("/forbidden", StringComparison.Ordinal))).Should().BeTrue($"a viewer's approval is refused (got {forged.Status})");
        (await demo.GetAsync($"/api/v1/actions/{actionId}")).GetProperty("state").GetString().Should().Be("proposed", "the refused post changed nothing");

        // The operator approves; the restart runs and is verified.
        await sre.Locator($"form[action='{approveAction}'] button").ClickAsync();
        await sre.WaitForURLAsync(url => url.Contains("/remediation", StringComparison.Ordinal));
        JsonElement action = default;
        await Poll.UntilAsync(async () => (action = await demo.GetAsync($"/api/v1/actions/{actionId}")).GetProperty("state").GetString() == "succeeded",
            TimeSpan.FromMinutes(6), "the approved restart to be verified");
        action.GetProperty("approvedBy").GetString().Should().Be("sam");
        action.GetProperty("instance").GetString().Should().Be(target.InstanceId);
        var row = sre.Locator($"[data-action='{actionId}']");
        await ReloadUntilAsync(sre, "/remediation", async () => (await row.First.InnerTextAsync()).Contains("succeeded", StringComparison.Ordinal), TimeSpan.FromMinutes(1), "the action shown as succeeded");
        await Chromium.ScreenshotAsync(sre, "remediation-succeeded");

        await ScreenshotEveryOtherPageAsync(sre);
    }

    private async Task<(string Config, string Policies)> WriteSettingsAsync()
    {
        var config = Path.Combine(_directory, "aiops.json");
        await File.WriteAllTextAsync(config, $$"""
            { "Dashboard": { "Users": [
              { "Name": "sam", "Role": "operator", "PasswordHash": "{{PasswordHash.Create(OperatorPassword)}}" },
              { "Name": "vera", "Role": "viewer", "PasswordHash": "{{PasswordHash.Create(ViewerPassword)}}" } ] } }
            """);
        var policies = Path.Combine(_directory, "policies.yaml");
        await File.WriteAllTextAsync(policies, """
            limits:
              approval_expiry: 30m
            policies:
              - name: restart-leaking-instance
                mode: approve
                match:
                  sources: [incident]
                  cause_indicators: [memory]
                action:
                  type: restart-instance
                  min_healthy: 1
                cooldown: 30m
                verify_within: 5m
            """);
        return (config, policies);
    }

    private static Task ReloadUntilAsync(IPage page, string path, Func<Task<bool>> condition, TimeSpan timeout, string what) =>
        Poll.UntilAsync(async () =>
        {
            await page.GotoAsync(path);
            return await condition();
        }, timeout, what);

    private static async Task ScreenshotEveryOtherPageAsync(IPage page)
    {
        foreach (var (path, name) in new[] { ("/map", "map"), ("/services/hotel", "service-hotel"), ("/traces", "traces"), ("/logs", "logs"), ("/alerts", "alerts"), ("/system", "system") })
        {
            var response = await page.GotoAsync(path);
            response!.Status.Should().Be(200, $"{path} renders");
            await Chromium.ScreenshotAsync(page, name);
        }

        // A booking, and not the newest: its last spans may still be on their way.
        await page.GotoAsync("/traces?service=gateway&operation=POST%20%2Fapi%2Fbookings");
        await page.Locator("a[href^='/traces/']").Last.ClickAsync();
        await Chromium.ScreenshotAsync(page, "trace");
    }
}
