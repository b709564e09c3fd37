using AIOps.Analyzer.RootCause;

namespace AIOps.Analyzer.Tests.RootCause;

/// <summary>Synthetic traces for the root-cause tests: call chains laid out from each span's own work and network gap.</summary>
internal static class SyntheticTraces
{
    public const long Ms = 1_000_000;

    /// <summary>
    /// The spans of one trace in which each hop calls the next. Each span is centred in its caller's, so a caller's
    /// own work and the gap before its callee split evenly around the callee: a hop's duration is its own work plus
    /// its callee's gap and duration.
    /// </summary>
    public static List<RcaSpan> Chain(string traceId, IReadOnlyList<Hop> hops, long startNanos = 0)
    {
        var durations = new long[hops.Count];
        long inner = 0;
        for (var i = hops.Count - 1; i >= 0; i--)
        {
            var gap = i + 1 < hops.Count ? hops[i + 1].GapMs : 0;
            inner = durations[i] = (long)((hops[i].SelfMs + gap) * Ms) + inner;
        }

        var spans = new List<RcaSpan>(hops.Count);
        var start = startNanos;
        for (var i = 0; i < hops.Count; i++)
        {
            start += i == 0 ? 0 : (durations[i - 1] - durations[i]) / 2;
            spans.Add(new RcaSpan(traceId, $"s{i}", i == 0 ? null : $"s{i - 1}", hops[i].Service, hops[i].Operation, start, start + durations[i], hops[i].IsError));
        }

        return spans;
    }

    /// <summary><paramref name="traces"/> traces shaped by <paramref name="hops"/>, with ids unique to the seed, started a second apart.</summary>
    public static List<RcaSpan> Window(int traces, int seed, Func<Random, IReadOnlyList<Hop>> hops)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, traces).SelectMany(t => Chain($"{seed}-{t}", hops(random), t * 1000 * Ms))];
    }

    /// <summary>
    /// A booking: gateway -> order -> order's client call -> payment. Payment's own work takes
    /// <paramref name="paymentMs"/>, gateway and order add 2 ms each, and the client span outlasts payment's by
    /// <paramref name="gapMs"/>. A failing payment fails every span above it. The first two hops are a booking
    /// that order ended before calling payment.
    /// </summary>
    public static Hop[] Booking(double paymentMs, double gapMs = 1, bool paymentFails = false) =>
    [
        new("gateway", "POST /api/bookings", 2, IsError: paymentFails),
        new("order", "POST /orders", 2, IsError: paymentFails),
        new("order", "POST payment", 0, IsError: paymentFails),
        new("payment", "POST /payments", paymentMs, gapMs, paymentFails),
    ];

    /// <summary>A catalog lookup: gateway -> catalog, which never meets order or payment.</summary>
    public static Hop[] Catalog(double catalogMs = 3) =>
    [
        new("gateway", "GET /api/catalog", 2),
        new("catalog", "GET /items", catalogMs),
    ];
}
