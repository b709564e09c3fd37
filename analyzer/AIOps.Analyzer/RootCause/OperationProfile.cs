namespace AIOps.Analyzer.RootCause;

/// <summary>One operation's spans in one window: their self times, own errors, and the traces where it did worst.</summary>
internal sealed class OperationProfile
{
    public List<double> SelfMs { get; } = [];

    public int OwnErrors { get; private set; }

    public int Count => SelfMs.Count;

    /// <summary>The worst spans seen (an own error counts as worse than any latency), at most the number asked.</summary>
    public List<(double Badness, string TraceId)> Worst { get; } = [];

    public void Add(double selfMs, bool ownError, string traceId, int keep)
    {
        SelfMs.Add(selfMs);
        OwnErrors += ownError ? 1 : 0;
        var badness = ownError ? double.MaxValue : selfMs;
        if (Worst.Count < keep)
        {
            Worst.Add((badness, traceId));
            return;
        }

        var least = 0;
        for (var i = 1; i < Worst.Count; i++)
        {
            least = Worst[i].Badness < Worst[least].Badness ? i : least;
        }

        if (badness > Worst[least].Badness)
        {
            Worst[least] = (badness, traceId);
        }
    }
}
