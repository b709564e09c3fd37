using System.Net;
using System.Text.Json;
using AIOps.Analyzer.Changes;
using AIOps.Dashboard.Hosting;
using AIOps.Dashboard.Security;
using AIOps.Dashboard.Tests.Security;
using AIOps.Remediator.Drivers.Process;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace AIOps.Dashboard.Tests.Hosting;

public sealed class AiopsHostTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("aiops-host-").FullName;
    private WebApplication _app = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _app = AiopsHost.Build(new AiopsHostOptions
        {
            Urls = "http://127.0.0.1:0",
            OtlpHttpUrl = null,
            OtlpGrpcPort = null,
            DataDirectory = _directory,
            Registry = new Uri("http://127.0.0.1:1/"),
        });
        await _app.StartAsync();
        var address = _app.Urls.Should().ContainSingle().Subject;
        _http = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(30) };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task RemediationApi_IsMapped_AuditLogEmptyAndChangesNeedAnOperator()
    {
        (await _http.GetStringAsync(new Uri("/api/v1/actions", UriKind.Relative))).Should().Be("[]");
        using var approve = await _http.PostAsync(new Uri("/api/v1/actions/x/approve", UriKind.Relative), null);
        approve.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await _http.GetStringAsync(new Uri("/api/v1/remediation/kill-switch", UriKind.Relative))).Should().Contain("\"on\":false");
        (await _http.GetAsync(new Uri("/api/v1/alertmanager/notifications", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.NotFound, "no webhook token, no receiver");
    }

    [Fact]
    public void Build_PortZero_BindsAFreePort()
    {
        new Uri(_app.Urls.Single()).Port.Should().BePositive();
    }

    [Fact]
    public async Task GetHealthz_Running_ReturnsOkJson()
    {
        using var response = await _http.GetAsync(new Uri("/healthz", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        json.RootElement.GetProperty("status").GetString().Should().Be("ok");
        json.RootElement.GetProperty("version").GetString().Should().NotBeNullOrEmpty();
        json.RootElement.GetProperty("demo").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public async Task GetSystem_SignedInNoRegistryNoProcess_RendersTheHostsState()
    {
        using var signedIn = await SignInAsAdminAsync();

        using var response = await signedIn.GetAsync("/system");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        var html = await response.Content.ReadAsStringAsync();
        html.Should().Contain("<h1>System</h1>")
            .And.Contain("Registry not reachable")
            .And.Contain("supervises no process")
            .And.Contain("app.css");
    }

    [Fact]
    public async Task GetSystem_NotSignedIn_SentToSignIn()
    {
        using var response = await _http.GetAsync(new Uri("/system", UriKind.Relative));

        response.RequestMessage!.RequestUri!.AbsolutePath.Should().Be("/login");
        (await response.Content.ReadAsStringAsync()).Should().NotContain("<h1>System</h1>");
    }

    [Fact]
    public async Task GetAppCss_StaticFile_ServedAsCss()
    {
        using var response = await _http.GetAsync(new Uri("/app.css", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/css");
        (await response.Content.ReadAsStringAsync()).Should().NotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task ProcessSupervisor_Restart_IsRecordedInTheAnalyzersChangeLog()
    {
        var supervisor = _app.Services.GetRequiredService<LocalProcessSupervisor>();
        var changes = _app.Services.GetRequiredService<ChangeEventLog>();
        supervisor.Start(new ProcessSpec("hotel-1", "hotel", "/bin/sleep", ["30"], Path.Combine(_directory, "hotel-1.log")));

        await supervisor.RestartAsync("hotel-1", TimeSpan.FromSeconds(5));

        _app.Services.GetServices<IChangeEventSource>().Should().Contain(changes, "root-cause ranking reads the log");
        changes.Between(long.MinValue, long.MaxValue).Should().ContainSingle().Which.Should().Match<AIOps.Analyzer.RootCause.ChangeEvent>(c => c.Service == "hotel" && c.Kind == "restart" && c.Instance == "hotel-1");
    }

    [Fact]
    public async Task GetProcesses_NothingSupervised_ReturnsEmptyJsonArray()
    {
        using var response = await _http.GetAsync(new Uri("/api/v1/platform/processes", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        json.RootElement.ValueKind.Should().Be(JsonValueKind.Array);
        json.RootElement.GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task GetInstances_RegistryUnreachable_ReportsWhy()
    {
        using var response = await _http.GetAsync(new Uri("/api/v1/platform/instances", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        json.RootElement.GetProperty("reachable").GetBoolean().Should().BeFalse();
        json.RootElement.GetProperty("error").GetString().Should().NotBeNullOrEmpty();
        json.RootElement.GetProperty("instances").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task GetUnknownPage_NoRoute_NotFound()
    {
        using var response = await _http.GetAsync(new Uri("/no-such-page", UriKind.Relative));

        var body = await response.Content.ReadAsStringAsync();
        (response.StatusCode == HttpStatusCode.NotFound || body.Contains("Not found", StringComparison.Ordinal))
            .Should().BeTrue($"an unknown page should be a 404 or say so, got {(int)response.StatusCode}: {body}");
    }

    // The first admin's password is written to the data directory at first start.
    private async Task<BrowserSession> SignInAsAdminAsync()
    {
        var session = new BrowserSession(_http.BaseAddress!);
        var password = (await File.ReadAllTextAsync(Path.Combine(_directory, UserDirectory.InitialPasswordFile))).Trim();
        using var response = await session.SignInAsync("admin", password, "/system");
        response.Headers.Location!.OriginalString.Should().Be("/system", "the admin is signed in and sent back");
        return session;
    }
}
