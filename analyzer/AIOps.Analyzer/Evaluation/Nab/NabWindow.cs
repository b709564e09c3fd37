namespace AIOps.Analyzer.Evaluation.Nab;

/// <summary>A labelled anomaly window as inclusive row indices of its file.</summary>
public readonly record struct NabWindow(int Start, int End)
{
    /// <summary>Rows in the window.</summary>
    public int Width => End - Start + 1;
}
