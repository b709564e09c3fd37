using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;

namespace AIOps.Dashboard.Security;

/// <summary>
/// Sign-in and sign-out: POST /account/login and /account/logout, from the dashboard's forms (antiforgery checked,
/// as on every form). Answers with a redirect to the page to show next (post, redirect, get: a reload never posts again).
/// </summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapPost("/account/login", async (HttpContext context, UserDirectory users, [FromForm] string? name, [FromForm] string? password, [FromForm] string? returnUrl) =>
        {
            var outcome = users.SignIn(name, password);
            if (outcome.User is not { } user)
            {
                return TypedResults.Redirect($"/login?error={Uri.EscapeDataString(outcome.Refusal ?? "refused")}&returnUrl={Uri.EscapeDataString(LocalUrl(returnUrl))}");
            }

            var identity = new ClaimsIdentity(
                [new Claim(ClaimTypes.Name, user.Name), new Claim(ClaimTypes.Role, user.Role)],
                CookieAuthenticationDefaults.AuthenticationScheme);
            await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity)).ConfigureAwait(false);
            return TypedResults.Redirect(LocalUrl(returnUrl));
        }).AllowAnonymous();
        endpoints.MapPost("/account/logout", async (HttpContext context, [FromForm] string? returnUrl) =>
        {
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme).ConfigureAwait(false);
            return TypedResults.Redirect("/login");
        }).AllowAnonymous();
        return endpoints;
    }

    /// <summary>Where to go after a form: a path on this host only, never another site.</summary>
    public static string LocalUrl(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) ? url : "/";
}
