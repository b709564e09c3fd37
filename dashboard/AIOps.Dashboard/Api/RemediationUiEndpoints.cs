using System.Globalization;
using System.Text;
using AIOps.Dashboard.Security;
using AIOps.Remediator;
using AIOps.Remediator.Actions;
using AIOps.Remediator.Engine;
using AIOps.Remediator.Policies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace AIOps.Dashboard.Api;

/// <summary>
/// The remediation page's forms: approve, reject, the kill switch (operators) and the policy file (admins). Each is a
/// form post (antiforgery checked) by the signed-in user, whose name goes into the audit log, answered with a redirect
/// to /remediation saying what happened (post, redirect, get).
/// </summary>
public static class RemediationUiEndpoints
{
    public const string Page = "/remediation";

    public static IEndpointRouteBuilder MapRemediationUi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var ui = endpoints.MapGroup("/ui");
        ui.MapPost("/actions/{id}/approve", async (HttpContext context, RemediationEngine engine, string id, [FromForm] string? returnUrl, CancellationToken cancellationToken) =>
            await DecideAsync(returnUrl, id, "approved by " + Who(context), () => engine.ApproveAsync(id, Who(context), cancellationToken)).ConfigureAwait(false))
            .RequireAuthorization(DashboardRoles.OperatorPolicy);
        ui.MapPost("/actions/{id}/reject", async (HttpContext context, RemediationEngine engine, string id, [FromForm] string? reason, [FromForm] string? returnUrl, CancellationToken cancellationToken) =>
            await DecideAsync(returnUrl, id, "rejected by " + Who(context), () => engine.RejectAsync(id, Who(context), (reason ?? "").Trim(), cancellationToken)).ConfigureAwait(false))
            .RequireAuthorization(DashboardRoles.OperatorPolicy);
        ui.MapPost("/remediation/kill-switch", (HttpContext context, RemediationEngine engine, ILoggerFactory loggers, [FromForm] string? on, [FromForm] string? returnUrl) =>
        {
            if (!bool.TryParse(on, out var value))
            {
                return Back(returnUrl, error: "the kill switch is turned on or off (on=true or on=false)");
            }

            var who = Who(context);
            engine.KillSwitch = value;
            RemediationUiLog.KillSwitch(Logger(loggers), value ? "on" : "off", who);
            return Back(returnUrl, value ? $"Kill switch turned on by {who}: no action runs until it is turned off." : $"Kill switch turned off by {who}: policies act again.");
        }).RequireAuthorization(DashboardRoles.OperatorPolicy);
        ui.MapPost("/remediation/policies", (HttpContext context, RemediationOptions options, PolicySource policies, ILoggerFactory loggers, [FromForm] string? yaml, [FromForm] string? returnUrl) =>
        {
            if (!options.Enabled || options.PolicyFile is not { } path)
            {
                return Back(returnUrl, error: "remediation is off: there is no policy file to edit (set Remediation:Enabled and Remediation:PolicyFile)");
            }

            var text = (yaml ?? "").ReplaceLineEndings("\n");
            PolicySet set;
            try
            {
                set = PolicyFileReader.Read(text, Path.GetFileName(path));
            }
            catch (PolicyFileException ex)
            {
                return Back(returnUrl, error: $"not saved, the policies in force stay: {ex.Message}");
            }

            var who = Who(context);
            Write(path, text);
            try
            {
                set = policies.Reload();
            }
            catch (PolicyFileException ex)
            {
                return Back(returnUrl, error: $"saved, but reading it back failed, the policies in force stay: {ex.Message}");
            }

            RemediationUiLog.PoliciesSaved(Logger(loggers), path, set.Policies.Count, who);
            return Back(returnUrl, string.Create(CultureInfo.InvariantCulture, $"Policies saved by {who}: {set.Policies.Count} policies in force."));
        }).RequireAuthorization(DashboardRoles.AdminPolicy);
        return endpoints;
    }

    /// <summary>
    /// Where a form lands afterwards: the page it came from (a path on this host; the remediation page by default),
    /// with a notice or an error in place of any the address held.
    /// </summary>
    public static RedirectHttpResult Back(string? returnUrl, string? notice = null, string? error = null)
    {
        var local = returnUrl is null ? Page : AccountEndpoints.LocalUrl(returnUrl);
        var split = local.IndexOf('?', StringComparison.Ordinal);
        var path = split < 0 ? local : local[..split];
        var query = QueryHelpers.ParseQuery(split < 0 ? "" : local[split..]);
        query.Remove("notice");
        query.Remove("error");
        query[error is null ? "notice" : "error"] = error ?? notice ?? "";
        return TypedResults.Redirect(QueryHelpers.AddQueryString(path, query));
    }

    private static async Task<RedirectHttpResult> DecideAsync(string? returnUrl, string id, string what, Func<Task<RemediationAction>> decide)
    {
        try
        {
            var action = await decide().ConfigureAwait(false);
            var outcome = action.State is ActionState.Approved or ActionState.Rejected ? "" : $"; it is now {Words(action.State)}: {action.History[^1].Reason}";
            var text = $"Action {id} ({action.Policy} on {action.Service}) {what}{outcome}.";
            // An approval the safety envelope blocked, or a change that failed, is no success to report.
            return action.State is ActionState.Blocked or ActionState.Escalated or ActionState.RolledBack ? Back(returnUrl, error: text) : Back(returnUrl, text);
        }
        catch (Exception ex) when (ex is KeyNotFoundException or InvalidOperationException)
        {
            // Unknown, or no longer waiting (expired, decided by someone else meanwhile): the engine says which.
            return Back(returnUrl, error: ex.Message);
        }
    }

    private static ILogger Logger(ILoggerFactory loggers) => loggers.CreateLogger(typeof(RemediationUiEndpoints).FullName!);

    // The approver's name: the signed-in user (the authorization policy has already required one).
    private static string Who(HttpContext context) => context.User.Identity?.Name ?? "unknown";

    private static string Words(ActionState state) => state.ToString().ToLowerInvariant();

    // Atomic: the new file is complete on disk before it takes the old one's place, so a crash leaves one or the other.
    private static void Write(string path, string text)
    {
        var aside = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var file = new FileStream(aside, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                file.Write(new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text));
                file.Flush(flushToDisk: true);
            }

            File.Move(aside, path, overwrite: true);
        }
        finally
        {
            File.Delete(aside);
        }
    }
}
