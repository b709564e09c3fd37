using Microsoft.Playwright;

namespace AIOps.Dashboard.Tests.Browser;

/// <summary>
/// Chromium from the system (Debian's <c>chromium</c>, which test.sh installs) driven by Playwright, at the
/// dashboard's smallest supported size, saving screenshots under <c>tests/artifacts/</c>.
/// </summary>
internal sealed class Chromium : IAsyncDisposable
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private readonly IPlaywright _playwright;

    private Chromium(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    /// <summary>tests/artifacts of this checkout.</summary>
    public static string Artifacts { get; } = Path.Combine(RepositoryRoot(), "tests", "artifacts");

    public static async Task<Chromium> LaunchAsync()
    {
        File.Exists(ExecutablePath).Should().BeTrue("the browser tests drive the system's Chromium (apt-get install chromium; test.sh does)");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            // As root (CI containers) Chromium's sandbox cannot start; the pages are our own, on loopback.
            Args = ["--no-sandbox", "--disable-dev-shm-usage"],
        });
        Directory.CreateDirectory(Artifacts);
        return new Chromium(playwright, browser);
    }

    /// <summary>A fresh session (its own cookies) at 1366x768.</summary>
    public async Task<IPage> NewPageAsync(Uri host)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = host.ToString(),
            ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
        });
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    /// <summary>Signs in through the sign-in form, as a person would, and waits to be sent on.</summary>
    public static async Task SignInAsync(IPage page, string name, string password)
    {
        await page.GotoAsync("/login");
        await page.GetByLabel("Name").FillAsync(name);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal));
        (await page.Locator("header .user").InnerTextAsync()).Should().Contain(name);
    }

    /// <summary>Saves the whole page as tests/artifacts/<paramref name="name"/>.png.</summary>
    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, name + ".png"), FullPage = true });

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "AIOps.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("the tests run from a checkout of AIOps (no AIOps.sln above " + AppContext.BaseDirectory + ")");
    }
}
