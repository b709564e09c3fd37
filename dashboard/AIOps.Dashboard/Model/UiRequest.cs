using System.Globalization;
using System.Security.Claims;
using AIOps.Collector.Query;
using AIOps.Dashboard.Security;

namespace AIOps.Dashboard.Model;

/// <summary>
/// What every page needs to know about the request it renders: now, the time range picked, and who is signed in with
/// which role. Built once per request from the HTTP context; tests build it directly.
/// </summary>
public sealed class UiRequest
{
    public UiRequest(DateTimeOffset now, TimeRange range, string path, string? user, string role)
    {
        Now = now;
        Range = range;
        Path = path;
        User = user;
        Role = role;
    }

    public DateTimeOffset Now { get; }

    public TimeRange Range { get; }

    /// <summary>The page's path and query, for links back to it.</summary>
    public string Path { get; }

    /// <summary>The signed-in user's name; null on the sign-in page.</summary>
    public string? User { get; }

    /// <summary>viewer, operator or admin.</summary>
    public string Role { get; }

    public DateTimeOffset From => Now - Range.Duration;

    public long FromNanos => QueryTime.ToUnixNanos(From);

    public long ToNanos => QueryTime.ToUnixNanos(Now);

    /// <summary>May approve and reject actions and turn the kill switch.</summary>
    public bool CanOperate => DashboardRoles.AtLeast(Role, DashboardRoles.Operator);

    /// <summary>May change the policies.</summary>
    public bool CanAdminister => DashboardRoles.AtLeast(Role, DashboardRoles.Admin);

    /// <summary>The request as the host sees it: range from the address, else the cookie, else the default.</summary>
    public static UiRequest ForRequest(HttpContext context, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(time);
        var range = TimeRange.Find(context.Request.Query[TimeRange.ParameterName])
            ?? TimeRange.Find(context.Request.Cookies[TimeRange.ParameterName])
            ?? TimeRange.Default;
        var user = context.User.Identity is { IsAuthenticated: true } identity ? identity.Name : null;
        var role = context.User.FindFirst(ClaimTypes.Role)?.Value ?? DashboardRoles.Viewer;
        return new UiRequest(time.GetUtcNow(), range, context.Request.Path + context.Request.QueryString, user, role);
    }

    /// <summary>Time of day (UTC) for a table cell: the dashboard shows UTC, as the audit log and the alerts do.</summary>
    public static string Clock(DateTimeOffset time) => time.UtcDateTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>A time in a table: the time of day when it is today (UTC), else with its date.</summary>
    public string When(DateTimeOffset time) => TimeText.At(time, Now);

    /// <summary>Date and time for an event older than today.</summary>
    public static string Stamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";
}
