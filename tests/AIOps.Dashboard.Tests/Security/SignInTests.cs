using System.Net;
using AIOps.Dashboard.Hosting;
using AIOps.Dashboard.Security;
using Microsoft.AspNetCore.Builder;

namespace AIOps.Dashboard.Tests.Security;

/// <summary>Sign-in against the real host: the cookie session, roles, antiforgery, lockout and the first admin.</summary>
public sealed class SignInTests : IAsyncLifetime
{
    private const string OperatorPassword = "operator-password-1";
    private const string ViewerPassword = "viewer-password-12";
    private readonly string _directory = Directory.CreateTempSubdirectory("aiops-signin-").FullName;
    private WebApplication _app = null!;
    private Uri _address = null!;

    public async Task InitializeAsync()
    {
        var config = Path.Combine(_directory, "aiops.json");
        await File.WriteAllTextAsync(config, $$"""
            { "Dashboard": { "MaxFailedSignIns": 3, "Users": [
              { "Name": "olga", "Role": "operator", "PasswordHash": "{{PasswordHash.Create(OperatorPassword)}}" },
              { "Name": "vic", "Role": "viewer", "PasswordHash": "{{PasswordHash.Create(ViewerPassword)}}" } ] } }
            """);
        (_app, _address) = await StartAsync(Path.Combine(_directory, "data"), config);
    }

    public async Task DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Page_NotSignedIn_RedirectsToSignInWithTheWayBack()
    {
        using var browser = new BrowserSession(_address);

        using var response = await browser.GetAsync("/incidents?status=open");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().Should().Contain("/login?returnUrl=%2Fincidents%3Fstatus%3Dopen");
    }

    [Fact]
    public async Task SignIn_RightPassword_SetsASessionCookieAndShowsThePagesWithTheUser()
    {
        using var browser = new BrowserSession(_address);

        using var signIn = await browser.SignInAsync("olga", OperatorPassword, "/system");

        signIn.StatusCode.Should().Be(HttpStatusCode.Redirect);
        signIn.Headers.Location!.ToString().Should().Be("/system");
        var cookie = browser.Cookies.GetCookies(_address)[DashboardSecurityExtensions.CookieName];
        cookie.Should().NotBeNull();
        cookie!.HttpOnly.Should().BeTrue();
        using var page = await browser.GetAsync("/system");
        page.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await page.Content.ReadAsStringAsync();
        html.Should().Contain("olga <span class=\"role\">operator</span>").And.Contain("href=\"/remediation\"").And.Contain("action=\"/account/logout\"");
    }

    [Fact]
    public async Task SignIn_WrongPassword_BackToTheFormWithTheReasonAndNoSession()
    {
        using var browser = new BrowserSession(_address);

        using var signIn = await browser.SignInAsync("olga", "not-her-password");

        signIn.Headers.Location!.ToString().Should().StartWith("/login?error=wrong%20name%20or%20password");
        browser.Cookies.GetCookies(_address)[DashboardSecurityExtensions.CookieName].Should().BeNull();
        using var page = await browser.GetAsync(signIn.Headers.Location!.ToString());
        (await page.Content.ReadAsStringAsync()).Should().Contain("<p class=\"error\" role=\"alert\">wrong name or password</p>");
    }

    [Fact]
    public async Task SignIn_WithoutTheAntiforgeryToken_IsRefused()
    {
        using var browser = new BrowserSession(_address);

        using var signIn = await browser.PostAsync("/account/login", new Dictionary<string, string> { ["name"] = "olga", ["password"] = OperatorPassword }, tokenFrom: null);

        signIn.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        browser.Cookies.GetCookies(_address)[DashboardSecurityExtensions.CookieName].Should().BeNull();
    }

    [Fact]
    public async Task SignIn_RepeatedFailures_LockTheNameEvenForTheRightPassword()
    {
        using var browser = new BrowserSession(_address);
        for (var i = 0; i < 3; i++)
        {
            (await browser.SignInAsync("vic", "guess-" + i)).Dispose();
        }

        using var signIn = await browser.SignInAsync("vic", ViewerPassword);

        signIn.Headers.Location!.ToString().Should().StartWith("/login?error=too%20many%20failed%20sign-ins");
        browser.Cookies.GetCookies(_address)[DashboardSecurityExtensions.CookieName].Should().BeNull();
    }

    [Fact]
    public async Task SignIn_ReturnUrlToAnotherSite_StaysOnThisHost()
    {
        using var browser = new BrowserSession(_address);

        using var signIn = await browser.SignInAsync("olga", OperatorPassword, "//evil.example/steal");

        signIn.Headers.Location!.ToString().Should().Be("/");
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        using var browser = new BrowserSession(_address);
        (await browser.SignInAsync("olga", OperatorPassword)).Dispose();

        using var signOut = await browser.PostAsync("/account/logout", new Dictionary<string, string> { ["returnUrl"] = "/" }, "/system");
        using var page = await browser.GetAsync("/system");

        signOut.Headers.Location!.ToString().Should().Be("/login");
        page.StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task TimeRange_PickedOnOnePage_FollowsToTheNext()
    {
        using var browser = new BrowserSession(_address);
        (await browser.SignInAsync("olga", OperatorPassword)).Dispose();

        (await browser.GetAsync("/system?range=6h")).Dispose();
        using var next = await browser.GetAsync("/incidents");

        (await next.Content.ReadAsStringAsync()).Should().Contain("<option value=\"6h\" selected");
    }

    [Fact]
    public async Task FirstStart_NoUserConfigured_CreatesAnAdminWhosePasswordIsInTheDataDirectory()
    {
        var data = Path.Combine(_directory, "fresh");
        var (app, address) = await StartAsync(data, config: null);
        try
        {
            var password = (await File.ReadAllTextAsync(Path.Combine(data, UserDirectory.InitialPasswordFile))).Trim();
            if (!OperatingSystem.IsWindows())
            {
                File.GetUnixFileMode(Path.Combine(data, UserDirectory.InitialPasswordFile)).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite, "only its owner reads it");
            }

            (await File.ReadAllTextAsync(Path.Combine(data, UserDirectory.UsersFile))).Should().Contain("\"role\": \"admin\"").And.NotContain(password);
            using var browser = new BrowserSession(address);

            using var signIn = await browser.SignInAsync("admin", password);

            signIn.Headers.Location!.ToString().Should().Be("/");
            browser.Cookies.GetCookies(address)[DashboardSecurityExtensions.CookieName].Should().NotBeNull();
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private static async Task<(WebApplication App, Uri Address)> StartAsync(string data, string? config)
    {
        var app = AiopsHost.Build(new AiopsHostOptions
        {
            Urls = "http://127.0.0.1:0",
            OtlpHttpUrl = null,
            OtlpGrpcPort = null,
            DataDirectory = data,
            Registry = new Uri("http://127.0.0.1:1/"),
            ConfigFile = config,
        });
        await app.StartAsync();
        return (app, new Uri(app.Urls.Single()));
    }
}
