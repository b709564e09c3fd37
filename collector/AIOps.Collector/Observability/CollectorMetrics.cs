using AIOps.Collector.Model;

namespace AIOps.Collector.Observability;

/// <summary>The collector's own counters, exposed on /metrics: accepted and rejected items per signal, queue depth, write latency.</summary>
public sealed class CollectorMetrics
{
    /// <summary>Upper bounds of the write (commit) latency histogram, in seconds.</summary>
    public static readonly double[] WriteLatencyBounds = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

    private readonly long[] _accepted = new long[3];
    private readonly long[] _rejected = new long[3];
    private readonly long[] _refused = new long[3];
    private readonly long[] _queued = new long[3];
    private readonly long[][] _latency = [new long[WriteLatencyBounds.Length + 1], new long[WriteLatencyBounds.Length + 1], new long[WriteLatencyBounds.Length + 1]];
    private readonly double[] _latencySum = new double[3];
    private readonly Lock _gate = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(Signal Signal, int Status), long> _rejectedRequests = new();

    public void Accepted(Signal signal, long items) => Interlocked.Add(ref _accepted[(int)signal], items);

    /// <summary>Items refused as invalid (bad data, out-of-order samples).</summary>
    public void Rejected(Signal signal, long items) => Interlocked.Add(ref _rejected[(int)signal], items);

    /// <summary>Items refused because the write queue was full (the client retries them).</summary>
    public void Refused(Signal signal, long items) => Interlocked.Add(ref _refused[(int)signal], items);

    /// <summary>A whole request refused (bad data, wrong key, too large, busy), by HTTP status.</summary>
    public void RequestRejected(Signal signal, int status) => _rejectedRequests.AddOrUpdate((signal, status), 1, (_, n) => n + 1);

    public IReadOnlyDictionary<(Signal Signal, int Status), long> RejectedRequests => _rejectedRequests;

    public void QueueChanged(Signal signal, long delta) => Interlocked.Add(ref _queued[(int)signal], delta);

    public void WriteLatency(Signal signal, double seconds)
    {
        var bucket = Array.FindIndex(WriteLatencyBounds, b => seconds <= b);
        lock (_gate)
        {
            _latency[(int)signal][bucket < 0 ? WriteLatencyBounds.Length : bucket]++;
            _latencySum[(int)signal] += seconds;
        }
    }

    public long AcceptedTotal(Signal signal) => Interlocked.Read(ref _accepted[(int)signal]);

    public long RejectedTotal(Signal signal) => Interlocked.Read(ref _rejected[(int)signal]);

    public long RefusedTotal(Signal signal) => Interlocked.Read(ref _refused[(int)signal]);

    public long QueueDepth(Signal signal) => Interlocked.Read(ref _queued[(int)signal]);

    /// <summary>Per-bucket (not cumulative) counts, with the +Inf bucket last, and the sum.</summary>
    public (long[] Buckets, double Sum) Latency(Signal signal)
    {
        lock (_gate)
        {
            return ([.. _latency[(int)signal]], _latencySum[(int)signal]);
        }
    }
}
