using AIOps.Dashboard.Hosting;
using AIOps.Dashboard.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;

namespace AIOps.Dashboard.Tests.Browser;

/// <summary>Sign-in and the shared time range in real Chromium, against the host alone (no demo).</summary>
public sealed class BrowserSignInTests : IAsyncLifetime
{
    private const string Password = "viewer-browser-password";
    private readonly string _directory = Directory.CreateTempSubdirectory("aiops-browser-").FullName;
    private WebApplication _app = null!;
    private Chromium _chromium = null!;

    public async Task InitializeAsync()
    {
        var config = Path.Combine(_directory, "aiops.json");
        await File.WriteAllTextAsync(config, $$"""
            { "Dashboard": { "Users": [ { "Name": "vera", "Role": "viewer", "PasswordHash": "{{PasswordHash.Create(Password)}}" } ] } }
            """);
        _app = AiopsHost.Build(new AiopsHostOptions
        {
            Urls = "http://127.0.0.1:0",
            OtlpHttpUrl = null,
            OtlpGrpcPort = null,
            DataDirectory = Path.Combine(_directory, "data"),
            Registry = new Uri("http://127.0.0.1:1/"),
            ConfigFile = config,
        });
        await _app.StartAsync();
        _chromium = await Chromium.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        await _chromium.DisposeAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task SignIn_ThenPickARange_TheRangeFollowsThroughTheNavigation_AndSignOutEndsIt()
    {
        var page = await _chromium.NewPageAsync(new Uri(_app.Urls.Single()));

        await page.GotoAsync("/system");
        page.Url.Should().Contain("/login?returnUrl=%2Fsystem", "a page needs a signed-in user");
        await Chromium.ScreenshotAsync(page, "login");
        await page.GetByLabel("Name").FillAsync("vera");
        await page.GetByLabel("Password").FillAsync("wrong-password");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign in" }).ClickAsync();
        (await page.GetByRole(AriaRole.Alert).InnerTextAsync()).Should().Be("wrong name or password");
        await page.GetByLabel("Name").FillAsync("vera");
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/system", StringComparison.Ordinal));
        (await page.Locator("header .user").InnerTextAsync()).Should().Contain("vera").And.Contain("viewer");

        // With JavaScript the picker applies on change; the choice follows to the next page through its link.
        await page.GetByLabel("Time range").SelectOptionAsync("6h");
        await page.WaitForURLAsync(url => url.Contains("range=6h", StringComparison.Ordinal));
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Incidents", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/incidents", StringComparison.Ordinal));
        (await page.GetByLabel("Time range").InputValueAsync()).Should().Be("6h");

        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/login", StringComparison.Ordinal));
        await page.GotoAsync("/incidents");
        page.Url.Should().Contain("/login");
    }

    [Fact]
    public async Task LiveSection_RefreshesInPlace_WithoutReloadingThePage()
    {
        var page = await _chromium.NewPageAsync(new Uri(_app.Urls.Single()));
        await Chromium.SignInAsync(page, "vera", Password);
        await page.GotoAsync("/system");

        // A mark on the window survives only if the page is not loaded again; the section is replaced by live.js.
        await page.EvaluateAsync("() => { window.__notReloaded = true; document.querySelector('[data-live]').dataset.old = '1'; }");
        await page.WaitForFunctionAsync("() => !document.querySelector('[data-live]').dataset.old", null, new PageWaitForFunctionOptions { Timeout = 30_000 });

        (await page.EvaluateAsync<bool>("() => window.__notReloaded === true")).Should().BeTrue("the section was swapped in place, not by a reload");
        (await page.Locator("[data-live='system']").InnerTextAsync()).Should().Contain("up ");
    }

    [Fact]
    public async Task LiveSection_Refresh_KeepsTheFoldTheSreOpened()
    {
        // A log record with attributes shows as a fold on the logs page, which refreshes itself every 10 s.
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000;
        using var http = new HttpClient { BaseAddress = new Uri(_app.Urls.Single()) };
        var exported = await http.PostAsync("/v1/logs", new StringContent($$$"""
            {"resourceLogs":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"hotel"}},{"key":"service.instance.id","value":{"stringValue":"hotel-1"}}]},
              "scopeLogs":[{"scope":{"name":"browser-test"},"logRecords":[{"timeUnixNano":"{{{now}}}","severityNumber":17,"severityText":"ERROR",
                "body":{"stringValue":"booking b-17 failed"},"attributes":[{"key":"booking.id","value":{"stringValue":"b-17"}}]}]}]}]}
            """, System.Text.Encoding.UTF8, "application/json"));
        exported.IsSuccessStatusCode.Should().BeTrue();
        var page = await _chromium.NewPageAsync(new Uri(_app.Urls.Single()));
        await Chromium.SignInAsync(page, "vera", Password);
        await page.GotoAsync("/logs");

        var fold = page.Locator("[data-live='logs'] details", new PageLocatorOptions { HasText = "booking b-17 failed" });
        await fold.Locator("summary").ClickAsync();
        (await fold.EvaluateAsync<bool>("d => d.open")).Should().BeTrue();
        await page.EvaluateAsync("() => { document.querySelector('[data-live]').dataset.old = '1'; }");
        await page.WaitForFunctionAsync("() => !document.querySelector('[data-live]').dataset.old", null, new PageWaitForFunctionOptions { Timeout = 30_000 });

        (await fold.EvaluateAsync<bool>("d => d.open")).Should().BeTrue("the refreshed section keeps the fold the SRE opened");
        (await fold.InnerTextAsync()).Should().Contain("b-17", "the open fold shows the record's attributes");
    }
}
