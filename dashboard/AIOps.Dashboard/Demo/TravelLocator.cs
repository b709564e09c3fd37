namespace AIOps.Dashboard.Demo;

/// <summary>Finds travel.dll in the build output of the checkout this host was built from.</summary>
public static class TravelLocator
{
    public static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "AIOps.sln")))
            {
                continue;
            }

            foreach (var configuration in new[] { "Release", "Debug" })
            {
                var candidate = Path.Combine(dir.FullName, "travel", "AIOps.Travel", "bin", configuration, "net10.0", "travel.dll");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
