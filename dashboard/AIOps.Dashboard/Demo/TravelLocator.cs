namespace AIOps.Dashboard.Demo;

/// <summary>Finds the checkout this host was built from, and travel.dll in its build output.</summary>
public static class TravelLocator
{
    /// <summary>The folder holding AIOps.sln above this host's binaries; null when run outside a checkout.</summary>
    public static string? CheckoutRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AIOps.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    /// <summary>The shipped remediation policies, deploy/remediation/policies.yaml of the checkout; null outside one.</summary>
    public static string? ShippedPolicies() =>
        CheckoutRoot() is { } root && Path.Combine(root, "deploy", "remediation", "policies.yaml") is var shipped && File.Exists(shipped) ? shipped : null;

    public static string? Find()
    {
        if (CheckoutRoot() is not { } root)
        {
            return null;
        }

        foreach (var configuration in new[] { "Release", "Debug" })
        {
            var candidate = Path.Combine(root, "travel", "AIOps.Travel", "bin", configuration, "net10.0", "travel.dll");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
