namespace AIOps.Dashboard.Security;

/// <summary>A sign-in's result: the user, or why not (the same words for an unknown name and a wrong password).</summary>
public sealed record SignInOutcome(DashboardUser? User, string? Refusal);
