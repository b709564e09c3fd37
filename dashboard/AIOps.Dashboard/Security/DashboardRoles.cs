namespace AIOps.Dashboard.Security;

/// <summary>
/// The dashboard's roles, each including the one before: a viewer reads, an operator also approves, rejects and turns
/// the kill switch, an admin also changes the policies.
/// </summary>
public static class DashboardRoles
{
    public const string Viewer = "viewer";
    public const string Operator = "operator";
    public const string Admin = "admin";

    /// <summary>The authorization policy of operators' forms.</summary>
    public const string OperatorPolicy = "operator";

    /// <summary>The authorization policy of admins' forms.</summary>
    public const string AdminPolicy = "admin";

    public static IReadOnlyList<string> All { get; } = [Viewer, Operator, Admin];

    public static bool IsKnown(string? role) => role is not null && All.Contains(role, StringComparer.Ordinal);

    /// <summary>Whether <paramref name="role"/> has at least the rights of <paramref name="needed"/>.</summary>
    public static bool AtLeast(string? role, string needed) =>
        IsKnown(role) && All.ToList().IndexOf(role!) >= All.ToList().IndexOf(needed);
}
