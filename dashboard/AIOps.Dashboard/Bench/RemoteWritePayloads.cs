using System.Globalization;

namespace AIOps.Dashboard.Bench;

/// <summary>
/// Prometheus remote-write requests (snappy-compressed WriteRequest) as a Prometheus server sends them:
/// a fixed set of series (metric families with job, instance and route labels, histogram buckets
/// included), one sample per series per request, timestamps rising. Each worker owns a slice of the
/// series, so that its samples of a series arrive in order as Prometheus's shards guarantee. Label bytes
/// are encoded once.
/// </summary>
internal sealed class RemoteWritePayloads
{
    private readonly byte[][] _labels;
    private readonly double[] _values;
    private readonly long[] _lastT;
    private readonly int[] _next;
    private readonly int _slice;

    public RemoteWritePayloads(int series, int samplesPerRequest, int workers)
    {
        SamplesPerRequest = samplesPerRequest;
        _slice = series / workers;
        _next = new int[workers];
        _labels = new byte[series][];
        _values = new double[series];
        _lastT = new long[series];
        string[] families = ["http_server_request_duration_seconds_bucket", "http_client_request_duration_seconds_bucket", "process_cpu_seconds_total", "dotnet_gc_collections_total", "kestrel_active_connections"];
        string[] les = ["0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2.5", "+Inf"];
        for (var i = 0; i < series; i++)
        {
            var family = families[i % families.Length];
            var labels = new List<(string, string)>
            {
                ("__name__", family),
                ("instance", "127.0.0.1:" + (9000 + (i / 200 % 64)).ToString(CultureInfo.InvariantCulture)),
                ("job", "travel"),
                ("route", "/api/r" + (i / 10 % 20).ToString(CultureInfo.InvariantCulture)),
                ("service", "svc" + (i / 200 % 8).ToString(CultureInfo.InvariantCulture)),
                ("le", les[i % les.Length]),
                ("series", i.ToString(CultureInfo.InvariantCulture)),
            };
            var encoded = new ProtoBuffer();
            foreach (var (name, value) in labels.OrderBy(l => l.Item1, StringComparer.Ordinal))
            {
                encoded.Message(1, new ProtoBuffer().String(1, name).String(2, value));
            }

            _labels[i] = encoded.ToArray();
        }
    }

    public int SamplesPerRequest { get; }

    /// <summary>The worker's next request: the next series of its slice, each with one new sample.</summary>
    public byte[] Next(int worker)
    {
        var request = new ProtoBuffer();
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        for (var n = 0; n < SamplesPerRequest; n++)
        {
            var i = (worker * _slice) + _next[worker];
            _next[worker] = (_next[worker] + 1) % _slice;
            var t = Math.Max(now, _lastT[i] + 1);
            _lastT[i] = t;
            _values[i] += (i + n) % 5;
            var sample = new ProtoBuffer().Double(1, _values[i]).Varint(2, (ulong)t);
            request.Message(1, Series(_labels[i], sample));
        }

        return IronSnappy.Snappy.Encode(request.Span);
    }

    private static ProtoBuffer Series(byte[] labels, ProtoBuffer sample)
    {
        var series = new ProtoBuffer();
        series.Raw(labels);
        series.Message(2, sample);
        return series;
    }
}
