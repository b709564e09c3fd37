using AIOps.Dashboard.Model;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace AIOps.Dashboard.Security;

/// <summary>
/// The dashboard's sign-in: a cookie session for people, roles as authorization policies, and the per-request view
/// context the pages read. Ingest (OTLP, remote write) keeps its own API keys and never sees this cookie.
/// </summary>
public static class DashboardSecurityExtensions
{
    public const string CookieName = "aiops-session";

    public static IServiceCollection AddDashboardSecurity(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(DashboardSecurityOptions.SectionName).Get<DashboardSecurityOptions>() ?? new DashboardSecurityOptions();
        if (options.Problems() is { Count: > 0 } problems)
        {
            throw new InvalidOperationException("dashboard settings: " + string.Join("; ", problems));
        }

        services.AddSingleton(options);
        services.AddSingleton(sp => new UserDirectory(options, dataDirectory, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<UserDirectory>>()));
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(cookie =>
        {
            cookie.Cookie.Name = CookieName;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.ExpireTimeSpan = options.SessionIdle;
            cookie.SlidingExpiration = true;
            cookie.LoginPath = "/login";
            cookie.AccessDeniedPath = "/forbidden";
            cookie.ReturnUrlParameter = "returnUrl";
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(DashboardRoles.OperatorPolicy, p => p.RequireRole(DashboardRoles.Operator, DashboardRoles.Admin))
            .AddPolicy(DashboardRoles.AdminPolicy, p => p.RequireRole(DashboardRoles.Admin));
        services.AddHttpContextAccessor();
        services.AddScoped(sp => UiRequest.ForRequest(
            sp.GetRequiredService<IHttpContextAccessor>().HttpContext ?? throw new InvalidOperationException("the dashboard's pages render within a request"),
            sp.GetRequiredService<TimeProvider>()));
        return services;
    }

    /// <summary>Keeps a time range picked in the address as a cookie, so the next page shows the same range.</summary>
    public static IApplicationBuilder UseTimeRangeCookie(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (TimeRange.Find(context.Request.Query[TimeRange.ParameterName]) is { } range)
            {
                context.Response.Cookies.Append(TimeRange.ParameterName, range.Key, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true, MaxAge = TimeSpan.FromDays(30) });
            }

            return next(context);
        });
}
