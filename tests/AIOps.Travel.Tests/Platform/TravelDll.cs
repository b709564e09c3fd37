namespace AIOps.Travel.Tests.Platform;

/// <summary>The travel executable built from this checkout, in the configuration the tests were built in.</summary>
public static class TravelDll
{
    public static readonly string Path = Find();

    private static string Find()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent?.Name ?? "Debug";
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "AIOps.sln")))
            {
                var candidate = System.IO.Path.Combine(dir.FullName, "travel", "AIOps.Travel", "bin", configuration, "net10.0", "travel.dll");
                return File.Exists(candidate) ? candidate : throw new FileNotFoundException("build the travel project first", candidate);
            }
        }

        throw new DirectoryNotFoundException("AIOps.sln not found above " + AppContext.BaseDirectory);
    }
}
