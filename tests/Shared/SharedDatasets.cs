namespace AIOps.Testing;

/// <summary>Finds the public evaluation data in <c>../shared/datasets</c> beside the repository (never copied into it).</summary>
public static class SharedDatasets
{
    /// <summary>The folder holding AIOps.sln, found by walking up from the test binaries.</summary>
    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "AIOps.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new DirectoryNotFoundException("AIOps.sln not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>The path of one dataset, e.g. <c>nab</c>.</summary>
    public static string PathOf(string dataset) =>
        Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "datasets", dataset));
}
