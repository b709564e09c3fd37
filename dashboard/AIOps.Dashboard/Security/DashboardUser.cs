namespace AIOps.Dashboard.Security;

/// <summary>A person who may sign in to the dashboard: their name, role and password hash (never the password).</summary>
public sealed class DashboardUser
{
    public string Name { get; set; } = "";

    /// <summary>viewer, operator or admin.</summary>
    public string Role { get; set; } = DashboardRoles.Viewer;

    /// <summary>As <see cref="PasswordHash.Create"/> writes it.</summary>
    public string PasswordHash { get; set; } = "";
}
