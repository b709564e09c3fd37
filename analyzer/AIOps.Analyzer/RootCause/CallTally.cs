namespace AIOps.Analyzer.RootCause;

/// <summary>Calls to one peer in one window: how many, how many never reached a server, from whom, example traces.</summary>
internal sealed class CallTally
{
    public int Calls { get; set; }

    public int Failed { get; set; }

    public HashSet<string> Callers { get; } = new(StringComparer.Ordinal);

    public List<string> Examples { get; } = [];
}
