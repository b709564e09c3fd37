using AIOps.Analyzer.RootCause;

namespace AIOps.Benchmarks;

/// <summary>
/// Traces of the travel platform's shape for root-cause benchmarks: each request enters the gateway, which calls
/// three of the services below it over client spans, some of which call a third tier, ten spans a trace. One service
/// (payment) can be made slow in its own work. Deterministic for a seed.
/// </summary>
internal static class SyntheticTraces
{
    private static readonly string[] s_middle = ["user", "hotel", "flight", "order", "promotion"];
    private static readonly string[] s_leaves = ["payment", "notification"];

    /// <summary>About <paramref name="spans"/> spans in traces starting evenly over [<paramref name="fromNanos"/>, <paramref name="toNanos"/>).</summary>
    public static List<RcaSpan> Generate(int spans, long fromNanos, long toNanos, int seed, double paymentSlowdownMs = 0)
    {
        const int PerTrace = 10;
        var random = new Random(seed);
        var traces = spans / PerTrace;
        var result = new List<RcaSpan>(traces * PerTrace);
        var step = (toNanos - fromNanos) / traces;
        for (var t = 0; t < traces; t++)
        {
            var traceId = t.ToString("x16", System.Globalization.CultureInfo.InvariantCulture) + seed.ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
            var start = fromNanos + (t * step);
            var spanNumber = 0;
            string NextId() => (spanNumber++).ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
            var rootId = NextId();
            var cursor = start + Ms(random, 0.2);
            var children = new List<RcaSpan>();
            for (var c = 0; c < 3; c++)
            {
                var service = s_middle[random.Next(s_middle.Length)];
                var clientId = NextId();
                var serverId = NextId();
                var serverStart = cursor + Ms(random, 0.5);
                var serverEnd = serverStart + Ms(random, 2);
                if (c < 2)
                {
                    // The middle tier calls a leaf: client span then the leaf's server span.
                    var leaf = s_leaves[random.Next(s_leaves.Length)];
                    var leafClient = NextId();
                    var leafStart = serverEnd + Ms(random, 0.5);
                    var leafEnd = leafStart + Ms(random, 1.5) + (leaf == "payment" ? (long)(paymentSlowdownMs * 1e6) : 0);
                    children.Add(new RcaSpan(traceId, leafClient, serverId, service, "HTTP POST", serverEnd, leafEnd + Ms(random, 0.3)));
                    children.Add(new RcaSpan(traceId, NextId(), leafClient, leaf, "POST /" + leaf, leafStart, leafEnd));
                    serverEnd = leafEnd + Ms(random, 0.6);
                }

                var clientEnd = serverEnd + Ms(random, 0.5);
                children.Add(new RcaSpan(traceId, clientId, rootId, "gateway", "HTTP GET", cursor, clientEnd));
                children.Add(new RcaSpan(traceId, serverId, clientId, service, "GET /" + service, serverStart, serverEnd));
                cursor = clientEnd + Ms(random, 0.1);
            }

            result.Add(new RcaSpan(traceId, rootId, null, "gateway", "GET /api/trip", start, cursor + Ms(random, 0.2)));
            result.AddRange(children);
        }

        return result;
    }

    // An exponential duration with the given mean, in nanoseconds.
    private static long Ms(Random random, double meanMs) => (long)(-Math.Log(1 - random.NextDouble()) * meanMs * 1e6);
}
