using System.Globalization;

namespace AIOps.Analyzer.Evaluation.Rca;

/// <summary>
/// Picks the per-minute trace files (<c>trace/HH_MM_trace.csv</c>) that may hold spans of a time window. A file's
/// name is only roughly its content: on 2023-01-29 file <c>HH_MM</c> holds the minute before HH:MM, on 2023-01-30
/// the minute after, and a few files hold three minutes; so the choice is generous and the spans are filtered.
/// </summary>
public static class NezhaTraceFiles
{
    /// <summary>How the name of every trace file ends.</summary>
    public const string Suffix = "_trace.csv";

    /// <summary>How long before its named minute a file may begin (measured: at most 111 s).</summary>
    public static readonly TimeSpan ReachBefore = TimeSpan.FromMinutes(3);

    /// <summary>How long after its named minute a file may end (measured: at most 69 s).</summary>
    public static readonly TimeSpan ReachAfter = TimeSpan.FromMinutes(2);

    /// <summary>
    /// The named minute of <paramref name="fileName"/> (<c>HH_MM_trace.csv</c>) on <paramref name="day"/>
    /// (<c>yyyy-MM-dd</c>) in unix milliseconds, or null when either is not in that form.
    /// </summary>
    public static long? MinuteOf(string day, string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        return fileName.EndsWith(Suffix, StringComparison.Ordinal)
            && DateTimeOffset.TryParseExact($"{day} {fileName[..^Suffix.Length]}", "yyyy-MM-dd HH_mm", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var minute)
            ? minute.ToUnixTimeMilliseconds()
            : null;
    }

    /// <summary>Whether a file named for <paramref name="minuteMs"/> may hold spans starting in [<paramref name="fromMs"/>, <paramref name="toMs"/>).</summary>
    public static bool MayCover(long minuteMs, long fromMs, long toMs) =>
        minuteMs - (long)ReachBefore.TotalMilliseconds < toMs && minuteMs + (long)ReachAfter.TotalMilliseconds > fromMs;

    /// <summary>
    /// The trace files in <paramref name="folders"/> (the trace folders of <paramref name="day"/>) that may hold
    /// spans of the window, in the order of their named minutes.
    /// </summary>
    public static IReadOnlyList<string> Covering(IEnumerable<string> folders, string day, long fromMs, long toMs) =>
        [.. Named(folders, day).Where(file => MayCover(file.MinuteMs, fromMs, toMs)).Select(file => file.Path)];

    /// <summary>Every trace file in <paramref name="folders"/>, in the order of their named minutes.</summary>
    public static IReadOnlyList<string> All(IEnumerable<string> folders, string day) =>
        [.. Named(folders, day).Select(file => file.Path)];

    private static IEnumerable<(string Path, long MinuteMs)> Named(IEnumerable<string> folders, string day)
    {
        ArgumentNullException.ThrowIfNull(folders);
        return folders
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*" + Suffix))
            .Select(path => (Path: path, Minute: MinuteOf(day, Path.GetFileName(path))))
            .Where(file => file.Minute is not null)
            .Select(file => (file.Path, MinuteMs: file.Minute!.Value))
            .OrderBy(file => file.MinuteMs)
            .ThenBy(file => file.Path, StringComparer.Ordinal);
    }
}
