namespace AIOps.Analyzer.Evaluation.Nab;

/// <summary>
/// One NAB series: <see cref="Name"/> is its path under <c>data/</c> (<c>category/file.csv</c>), timestamps are
/// unix milliseconds in file order (a few files repeat a timestamp, and machine_temperature_system_failure steps
/// back an hour once) and windows are row indices.
/// </summary>
public sealed record NabFile(string Name, IReadOnlyList<long> Timestamps, IReadOnlyList<double> Values, IReadOnlyList<NabWindow> Windows)
{
    /// <summary>Rows in the file.</summary>
    public int Length => Timestamps.Count;
}
