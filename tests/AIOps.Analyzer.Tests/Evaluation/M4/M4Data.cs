using AIOps.Analyzer.Evaluation.M4;

namespace AIOps.Analyzer.Tests.Evaluation.M4;

/// <summary>The shared M4 Hourly data beside the checkout (../shared/datasets/m4), loaded once.</summary>
internal static class M4Data
{
    private static readonly Lazy<M4Dataset> s_hourly = new(() => M4Dataset.LoadHourly(Folder));

    public static M4Dataset Hourly => s_hourly.Value;

    public static string Folder
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "AIOps.sln")))
                {
                    return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "datasets", "m4"));
                }
            }

            throw new DirectoryNotFoundException("AIOps.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
