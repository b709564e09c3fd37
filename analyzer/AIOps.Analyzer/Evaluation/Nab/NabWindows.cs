namespace AIOps.Analyzer.Evaluation.Nab;

/// <summary>Maps a labelled window's timestamps to row indices.</summary>
internal static class NabWindows
{
    /// <summary>
    /// The window from the first row at its start to the first row at its end, as NAB does where a timestamp
    /// repeats; an edge between rows moves inwards to the nearest row inside the window.
    /// </summary>
    public static NabWindow ToRows(IReadOnlyList<long> timestamps, long start, long end)
    {
        var first = LowerBound(timestamps, start);
        var last = LowerBound(timestamps, end);
        if (last == timestamps.Count || timestamps[last] != end)
        {
            last--;
        }

        if (first > last)
        {
            throw new InvalidDataException($"the window {start}-{end} holds no rows");
        }

        return new NabWindow(first, last);
    }

    private static int LowerBound(IReadOnlyList<long> timestamps, long value)
    {
        int low = 0, high = timestamps.Count;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (timestamps[mid] < value)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }
}
