using System.Net;
using System.Text.RegularExpressions;

namespace AIOps.Dashboard.Tests.Security;

/// <summary>
/// An HTTP client that behaves like a browser towards the dashboard's forms: it keeps cookies, does not follow
/// redirects (the tests look at them), and posts forms with the antiforgery token the page rendered.
/// </summary>
internal sealed partial class BrowserSession : IDisposable
{
    private readonly HttpClient _http;

    public BrowserSession(Uri host)
    {
        _http = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false, UseCookies = true })
        {
            BaseAddress = host,
            Timeout = TimeSpan.FromSeconds(30),
        };
    }

    public CookieContainer Cookies { get; } = new();

    public Task<HttpResponseMessage> GetAsync(string path) => _http.GetAsync(new Uri(path, UriKind.Relative));

    public Task<string> GetStringAsync(string path) => _http.GetStringAsync(new Uri(path, UriKind.Relative));

    /// <summary>The antiforgery token of the form on <paramref name="page"/> (it is bound to who is signed in).</summary>
    public async Task<string> TokenAsync(string page) => Token(await GetStringAsync(page));

    /// <summary>The antiforgery token a rendered page's form carries.</summary>
    public static string Token(string html)
    {
        var match = TokenField().Match(html);
        match.Success.Should().BeTrue("the page renders a form with an antiforgery token");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>Posts a form with the given token (one read earlier, or another user's).</summary>
    public Task<HttpResponseMessage> PostAsync(string path, string token, params (string Name, string Value)[] fields) =>
        Post(path, [new("__RequestVerificationToken", token), .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]);

    /// <summary>Posts a form; with <paramref name="tokenFrom"/>, with the token that page's form carries.</summary>
    public async Task<HttpResponseMessage> PostAsync(string path, IReadOnlyDictionary<string, string> fields, string? tokenFrom)
    {
        var form = new Dictionary<string, string>(fields);
        if (tokenFrom is not null)
        {
            form["__RequestVerificationToken"] = await TokenAsync(tokenFrom);
        }

        return await Post(path, form);
    }

    private async Task<HttpResponseMessage> Post(string path, IEnumerable<KeyValuePair<string, string>> form)
    {
        using var content = new FormUrlEncodedContent(form);
        return await _http.PostAsync(new Uri(path, UriKind.Relative), content);
    }

    /// <summary>Signs in through the sign-in form; the redirect it answers with.</summary>
    public async Task<HttpResponseMessage> SignInAsync(string name, string password, string returnUrl = "/") =>
        await PostAsync("/account/login", new Dictionary<string, string> { ["name"] = name, ["password"] = password, ["returnUrl"] = returnUrl }, "/login");

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
