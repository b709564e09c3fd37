namespace AIOps.Dashboard.Security;

/// <summary>
/// Who may sign in: users from configuration (<c>Dashboard:Users:0:Name</c>, <c>:Role</c>, <c>:PasswordHash</c>),
/// plus the users file in the data directory, where the first admin is written at first start.
/// </summary>
public sealed class DashboardSecurityOptions
{
    public const string SectionName = "Dashboard";

    public List<DashboardUser> Users { get; set; } = [];

    /// <summary>
    /// The first admin's password when no user exists at first start; empty: a random one, written once to
    /// <c>initial-admin-password</c> in the data directory and to the log.
    /// </summary>
    public string? InitialAdminPassword { get; set; }

    /// <summary>How long a sign-in lasts without use.</summary>
    public TimeSpan SessionIdle { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Failed sign-ins for one name, within <see cref="LockoutWindow"/>, before it is locked for that long.</summary>
    public int MaxFailedSignIns { get; set; } = 5;

    public TimeSpan LockoutWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Every problem with these options, naming the setting; empty when they are right.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        for (var i = 0; i < Users.Count; i++)
        {
            var user = Users[i];
            var at = $"{SectionName}:Users:{i}";
            if (string.IsNullOrWhiteSpace(user.Name))
            {
                problems.Add($"{at}:Name is required");
            }

            if (!DashboardRoles.IsKnown(user.Role))
            {
                problems.Add($"{at}:Role must be one of {string.Join(", ", DashboardRoles.All)}, not '{user.Role}'");
            }

            if (Security.PasswordHash.Problem(user.PasswordHash) is { } hash)
            {
                problems.Add($"{at}:PasswordHash: {hash}");
            }
        }

        foreach (var name in Users.GroupBy(u => u.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key))
        {
            problems.Add($"{SectionName}:Users names '{name}' more than once");
        }

        if (InitialAdminPassword is { Length: > 0 and < 12 })
        {
            problems.Add($"{SectionName}:InitialAdminPassword must have at least 12 characters");
        }

        if (SessionIdle <= TimeSpan.Zero || MaxFailedSignIns < 1 || LockoutWindow <= TimeSpan.Zero)
        {
            problems.Add($"{SectionName}:SessionIdle, MaxFailedSignIns and LockoutWindow must be positive");
        }

        return problems;
    }
}
