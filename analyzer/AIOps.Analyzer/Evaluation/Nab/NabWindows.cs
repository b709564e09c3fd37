namespace AIOps.Analyzer.Evaluation.Nab;

/// <summary>Maps a labelled window's timestamps to row indices.</summary>
internal static class NabWindows
{
    /// <summary>
    /// The window from the first row at its start to the first row at its end after it, as NAB does where a
    /// timestamp repeats. A linear scan, not a binary search: one file steps back an hour. An edge that falls
    /// between rows moves inwards to the nearest row inside the window.
    /// </summary>
    public static NabWindow ToRows(IReadOnlyList<long> timestamps, long start, long end)
    {
        var first = IndexOf(timestamps, start, 0);
        if (first < 0)
        {
            first = 0;
            while (first < timestamps.Count && timestamps[first] < start)
            {
                first++;
            }
        }

        var last = IndexOf(timestamps, end, first);
        if (last < 0)
        {
            last = first - 1;
            while (last + 1 < timestamps.Count && timestamps[last + 1] <= end)
            {
                last++;
            }
        }

        if (first >= timestamps.Count || last < first)
        {
            throw new InvalidDataException($"the window {start}-{end} holds no rows");
        }

        return new NabWindow(first, last);
    }

    private static int IndexOf(IReadOnlyList<long> timestamps, long value, int from)
    {
        for (var i = from; i < timestamps.Count; i++)
        {
            if (timestamps[i] == value)
            {
                return i;
            }
        }

        return -1;
    }
}
