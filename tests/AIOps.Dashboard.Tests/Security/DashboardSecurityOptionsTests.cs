using AIOps.Dashboard.Security;

namespace AIOps.Dashboard.Tests.Security;

public sealed class DashboardSecurityOptionsTests
{
    [Fact]
    public void Problems_BadUsers_NameEachSetting()
    {
        var options = new DashboardSecurityOptions
        {
            Users =
            [
                new DashboardUser { Name = "ann", Role = "root", PasswordHash = PasswordHash.Create("a long password", 10_000) },
                new DashboardUser { Name = "", Role = "viewer", PasswordHash = "secret" },
                new DashboardUser { Name = "ANN", Role = "viewer", PasswordHash = PasswordHash.Create("another password", 10_000) },
            ],
            InitialAdminPassword = "short",
        };

        options.Problems().Should().BeEquivalentTo(
            "Dashboard:Users:0:Role must be one of viewer, operator, admin, not 'root'",
            "Dashboard:Users:1:Name is required",
            "Dashboard:Users:1:PasswordHash: a password hash must read pbkdf2-sha256$iterations$salt$hash (make one with `aiops user hash`)",
            "Dashboard:Users names 'ann' more than once",
            "Dashboard:InitialAdminPassword must have at least 12 characters");
    }

    [Fact]
    public void Problems_Defaults_None() => new DashboardSecurityOptions().Problems().Should().BeEmpty();

    [Theory]
    [InlineData("viewer", "viewer", true)]
    [InlineData("viewer", "operator", false)]
    [InlineData("operator", "operator", true)]
    [InlineData("admin", "operator", true)]
    [InlineData("operator", "admin", false)]
    [InlineData("root", "viewer", false)]
    public void AtLeast_EachRoleIncludesTheOnesBefore(string role, string needed, bool expected) =>
        DashboardRoles.AtLeast(role, needed).Should().Be(expected);
}
