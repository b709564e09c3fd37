using System.Collections.Concurrent;
using System.Globalization;
using AIOps.Collector.Model;

namespace AIOps.Collector.Otlp;

public sealed partial class OtlpProtobufDecoder
{
    /// <summary>Exponential histograms are merged down to at most this many buckets when stored as le buckets.</summary>
    public const int MaxExponentialBuckets = 64;
    private const int MaxDeltaSeries = 200_000;

    /// <summary>Running totals of delta-temporality series, turned cumulative as Prometheus expects.</summary>
    private readonly ConcurrentDictionary<SeriesKey, double> _deltaTotals = new();

    /// <summary>
    /// Decodes an ExportMetricsServiceRequest into Prometheus-style series: gauges and non-monotonic sums
    /// as gauges, monotonic sums as _total counters, histograms as _bucket{le}, _sum and _count,
    /// summaries as {quantile}, _sum and _count. Resource attributes give job, instance and service labels.
    /// </summary>
    public DecodeResult<MetricBatch> DecodeMetrics(ReadOnlySpan<byte> body)
    {
        var samples = new List<MetricSample>();
        var metadata = new List<MetricMetadata>();
        var rejected = 0;
        string? reason = null;
        var reader = new ProtoReader(body);
        while (reader.Next(out var field, out var wire))
        {
            if (field != 1)
            {
                reader.Skip(wire);
                continue;
            }

            ProtoReader.Expect(wire, 2, "resource_metrics");
            var bytes = reader.ReadBytes();
            var resourceMetrics = new ProtoReader(bytes);
            var resource = TelemetryResource.None;
            var scopes = new List<(int Offset, int Length)>();
            while (resourceMetrics.Next(out var rmField, out var rmWire))
            {
                switch (rmField)
                {
                    case 1 when rmWire == 2:
                        resource = ReadResource(resourceMetrics.ReadBytes());
                        break;
                    case 2 when rmWire == 2:
                        var scopeBytes = resourceMetrics.ReadBytes();
                        scopes.Add((Offset(bytes, scopeBytes), scopeBytes.Length));
                        break;
                    default:
                        resourceMetrics.Skip(rmWire);
                        break;
                }
            }

            var baseLabels = ResourceLabels(resource);
            foreach (var (offset, length) in scopes)
            {
                var scope = new ProtoReader(bytes.Slice(offset, length));
                while (scope.Next(out var sField, out var sWire))
                {
                    if (sField == 2 && sWire == 2)
                    {
                        ReadMetric(scope.ReadBytes(), baseLabels, samples, metadata, ref rejected, ref reason);
                    }
                    else
                    {
                        scope.Skip(sWire);
                    }
                }
            }
        }

        return new DecodeResult<MetricBatch>(new MetricBatch(samples, metadata), rejected, reason);
    }

    private static List<Label> ResourceLabels(TelemetryResource resource)
    {
        var labels = new List<Label>(3);
        var ns = resource.Attributes.FirstOrDefault(a => a.Key == "service.namespace").Value.ToString();
        labels.Add(new Label("job", ns.Length > 0 ? $"{ns}/{resource.Service}" : resource.Service));
        labels.Add(new Label("service", resource.Service));
        if (resource.Instance.Length > 0)
        {
            labels.Add(new Label("instance", resource.Instance));
        }

        return labels;
    }

    private void ReadMetric(ReadOnlySpan<byte> data, List<Label> baseLabels, List<MetricSample> samples, List<MetricMetadata> metadata, ref int rejected, ref string? reason)
    {
        var name = string.Empty;
        string? description = null, unit = null;
        var dataField = 0;
        ReadOnlySpan<byte> payload = default;
        var reader = new ProtoReader(data);
        while (reader.Next(out var field, out var wire))
        {
            switch (field, wire)
            {
                case (1, 2):
                    name = _strings.Get(reader.ReadBytes());
                    break;
                case (2, 2):
                    description = NullIfEmpty(_strings.Get(reader.ReadBytes()));
                    break;
                case (3, 2):
                    unit = NullIfEmpty(_strings.Get(reader.ReadBytes()));
                    break;
                case (5 or 7 or 9 or 10 or 11, 2):
                    dataField = field;
                    payload = reader.ReadBytes();
                    break;
                default:
                    reader.Skip(wire);
                    break;
            }
        }

        if (name.Length == 0 || dataField == 0)
        {
            rejected++;
            reason ??= "metric without a name or without data";
            return;
        }

        var (temporality, monotonic) = dataField is 7 or 9 or 10 ? ReadAggregation(payload) : (0, false);
        var delta = temporality == 1;
        switch (dataField)
        {
            case 5:
            case 7 when !monotonic:
                var gauge = PrometheusNaming.MetricName(name, unit, isCounter: false, isGauge: true);
                metadata.Add(new MetricMetadata(gauge, MetricType.Gauge, unit, description));
                ForEachPoint(payload, p => ReadNumberPoint(p, gauge, baseLabels, samples, accumulate: false));
                break;
            case 7:
                var counter = PrometheusNaming.MetricName(name, unit, isCounter: true, isGauge: false);
                metadata.Add(new MetricMetadata(counter, MetricType.Counter, unit, description));
                ForEachPoint(payload, p => ReadNumberPoint(p, counter, baseLabels, samples, accumulate: delta));
                break;
            case 9:
                var histogram = PrometheusNaming.MetricName(name, unit, isCounter: false, isGauge: false);
                metadata.Add(new MetricMetadata(histogram, MetricType.Histogram, unit, description));
                ForEachPoint(payload, p => ReadHistogramPoint(p, histogram, baseLabels, samples, delta));
                break;
            case 10:
                var exponential = PrometheusNaming.MetricName(name, unit, isCounter: false, isGauge: false);
                metadata.Add(new MetricMetadata(exponential, MetricType.Histogram, unit, description));
                ForEachPoint(payload, p => ReadExponentialPoint(p, exponential, baseLabels, samples, delta));
                break;
            case 11:
                var summary = PrometheusNaming.MetricName(name, unit, isCounter: false, isGauge: false);
                metadata.Add(new MetricMetadata(summary, MetricType.Summary, unit, description));
                ForEachPoint(payload, p => ReadSummaryPoint(p, summary, baseLabels, samples));
                break;
        }
    }

    private delegate void PointReader(ReadOnlySpan<byte> point);

    private static void ForEachPoint(ReadOnlySpan<byte> payload, PointReader read)
    {
        var reader = new ProtoReader(payload);
        while (reader.Next(out var field, out var wire))
        {
            if (field == 1 && wire == 2)
            {
                read(reader.ReadBytes());
            }
            else
            {
                reader.Skip(wire);
            }
        }
    }

    private static (int Temporality, bool Monotonic) ReadAggregation(ReadOnlySpan<byte> payload)
    {
        int temporality = 0;
        var monotonic = false;
        var reader = new ProtoReader(payload);
        while (reader.Next(out var field, out var wire))
        {
            switch (field, wire)
            {
                case (2, 0):
                    temporality = (int)reader.ReadVarint();
                    break;
                case (3, 0):
                    monotonic = reader.ReadVarint() != 0;
                    break;
                default:
                    reader.Skip(wire);
                    break;
            }
        }

        return (temporality, monotonic);
    }

    private void ReadNumberPoint(ReadOnlySpan<byte> data, string name, List<Label> baseLabels, List<MetricSample> samples, bool accumulate)
    {
        var labels = new List<Label>(baseLabels);
        long time = 0;
        double value = double.NaN;
        uint flags = 0;
        var reader = new ProtoReader(data);
        while (reader.Next(out var field, out var wire))
        {
            switch (field, wire)
            {
                case (7, 2):
                    AddLabel(labels, ReadKeyValue(reader.ReadBytes()));
                    break;
                case (3, 1):
                    time = (long)reader.ReadFixed64();
                    break;
                case (4, 1):
                    value = reader.ReadDouble();
                    break;
                case (6, 1):
                    value = (long)reader.ReadFixed64();
                    break;
                case (8, 0):
                    flags = (uint)reader.ReadVarint();
                    break;
                default:
                    reader.Skip(wire);
                    break;
            }
        }

        if ((flags & 1) != 0 || double.IsNaN(value))
        {
            return;
        }

        var key = new SeriesKey(name, labels);
        samples.Add(new MetricSample(key, time / 1_000_000, accumulate ? Accumulate(key, value) : value));
    }

    private void ReadHistogramPoint(ReadOnlySpan<byte> data, string name, List<Label> baseLabels, List<MetricSample> samples, bool delta)
    {
        var labels = new List<Label>(baseLabels);
        long time = 0;
        ulong count = 0;
        double sum = 0;
        uint flags = 0;
        var counts = new List<ulong>();
        var bounds = new List<double>();
        var reader = new ProtoReader(data);
        while (reader.Next(out var field, out var wire))
        {
            switch (field, wire)
            {
                case (9, 2):
                    AddLabel(labels, ReadKeyValue(reader.ReadBytes()));
                    break;
                case (3, 1):
                    time = (long)reader.ReadFixed64();
                    break;
                case (4, 1):
                    count = reader.ReadFixed64();
                    break;
                case (5, 1):
                    sum = reader.ReadDouble();
                    break;
                case (6, 2):
                    ReadPackedFixed64(reader.ReadBytes(), counts);
                    break;
                case (6, 1):
                    counts.Add(reader.ReadFixed64());
                    break;
                case (7, 2):
                    ReadPackedDoubles(reader.ReadBytes(), bounds);
                    break;
                case (7, 1):
                    bounds.Add(reader.ReadDouble());
                    break;
                case (10, 0):
                    flags = (uint)reader.ReadVarint();
                    break;
                default:
                    reader.Skip(wire);
                    break;
            }
        }

        if ((flags & 1) != 0)
        {
            return;
        }

        var buckets = new List<(double UpperBound, double Cumulative)>(bounds.Count + 1);
        double cumulative = 0;
        for (var i = 0; i < bounds.Count && i < counts.Count; i++)
        {
            cumulative += counts[i];
            buckets.Add((bounds[i], cumulative));
        }

        AddHistogramSeries(name, labels, time / 1_000_000, buckets, count, sum, delta, samples);
    }

    private void ReadExponentialPoint(ReadOnlySpan<byte> data, string name, List<Label> baseLabels, List<MetricSample> samples, bool delta)
    {
        var labels = new List<Label>(baseLabels);
        long time = 0;
        ulong count = 0, zeroCount = 0;
        double sum = 0;
        var scale = 0;
        uint flags = 0;
        (int Offset, List<ulong> Counts) positive = (0, []), negative = (0, []);
        var reader = new ProtoReader(data);
        while (reader.Next(out var field, out var wire))
        {
            switch (field, wire)
            {
                case (1, 2):
                    AddLabel(labels, ReadKeyValue(reader.ReadBytes()));
                    break;
                case (3, 1):
                    time = (long)reader.ReadFixed64();
                    break;
                case (4, 1):
                    count = reader.ReadFixed64();
                    break;
                case (5, 1):
                    sum = reader.ReadDouble();
                    break;
                case (6, 0):
                    scale = ZigZag(reader.ReadVarint());
                    break;
                case (7, 1):
                    zeroCount = reader.ReadFixed64();
                    break;
                case (8, 2):
                    positive = ReadExponentialBuckets(reader.ReadBytes());
                    break;
                case (9, 2):
                    negative = ReadExponentialBuckets(reader.ReadBytes());
                    break;
                case (10, 0):
                    flags = (uint)reader.ReadVarint();
                    break;
                default:
                    reader.Skip(wire);
                    break;
            }
        }

        if ((flags & 1) != 0)
        {
            return;
        }

        // Fewer, wider buckets: each halving of the scale merges neighbours pairwise.
        var offset = positive.Offset;
        var counts = positive.Counts;
        while (counts.Count > MaxExponentialBuckets)
        {
            var merged = new List<ulong>((counts.Count / 2) + 1);
            var start = offset >> 1;
            for (var i = 0; i < counts.Count; i++)
            {
                var target = ((offset + i) >> 1) - start;
                while (merged.Count <= target)
                {
                    merged.Add(0);
                }

                merged[target] += counts[i];
            }

            offset = start;
            counts = merged;
            scale--;
        }

        var buckets = new List<(double UpperBound, double Cumulative)>(counts.Count + 1);
        double cumulative = negative.Counts.Aggregate(0UL, (a, b) => a + b) + zeroCount;
        if (cumulative > 0)
        {
            buckets.Add((0, cumulative));
        }

        var logBase = Math.Pow(2, -scale) * Math.Log(2);
        for (var i = 0; i < counts.Count; i++)
        {
            cumulative += counts[i];
            buckets.Add((Math.Exp((offset + i + 1) * logBase), cumulative));
        }

        AddHistogramSeries(name, labels, time / 1_000_000, buckets, count, sum, delta, samples);
    }

    private static (int Offset, List<ulong> Counts) ReadExponentialBuckets(ReadOnlySpan<byte> data)
    {
        var offset = 0;
        var counts = new List<ulong>();
        var reader = new ProtoReader(data);
        while (reader.Next(out var field, out var wire))
        {
            switch (field, wire)
            {
                case (1, 0):
                    offset = ZigZag(reader.ReadVarint());
                    break;
                case (2, 2):
                    var packed = new ProtoReader(reader.ReadBytes());
                    while (!packed.End)
                    {
                        counts.Add(packed.ReadVarint());
                    }

                    break;
                case (2, 0):
                    counts.Add(reader.ReadVarint());
                    break;
                default:
                    reader.Skip(wire);
                    break;
            }
        }

        return (offset, counts);
    }

    private void ReadSummaryPoint(ReadOnlySpan<byte> data, string name, List<Label> baseLabels, List<MetricSample> samples)
    {
        var labels = new List<Label>(baseLabels);
        long time = 0;
        ulong count = 0;
        double sum = 0;
        uint flags = 0;
        var quantiles = new List<(double Quantile, double Value)>();
        var reader = new ProtoReader(data);
        while (reader.Next(out var field, out var wire))
        {
            switch (field, wire)
            {
                case (7, 2):
                    AddLabel(labels, ReadKeyValue(reader.ReadBytes()));
                    break;
                case (3, 1):
                    time = (long)reader.ReadFixed64();
                    break;
                case (4, 1):
                    count = reader.ReadFixed64();
                    break;
                case (5, 1):
                    sum = reader.ReadDouble();
                    break;
                case (6, 2):
                    var q = new ProtoReader(reader.ReadBytes());
                    double quantile = 0, value = 0;
                    while (q.Next(out var qField, out var qWire))
                    {
                        switch (qField, qWire)
                        {
                            case (1, 1):
                                quantile = q.ReadDouble();
                                break;
                            case (2, 1):
                                value = q.ReadDouble();
                                break;
                            default:
                                q.Skip(qWire);
                                break;
                        }
                    }

                    quantiles.Add((quantile, value));
                    break;
                case (8, 0):
                    flags = (uint)reader.ReadVarint();
                    break;
                default:
                    reader.Skip(wire);
                    break;
            }
        }

        if ((flags & 1) != 0)
        {
            return;
        }

        var ms = time / 1_000_000;
        foreach (var (quantile, value) in quantiles)
        {
            samples.Add(new MetricSample(new SeriesKey(name, [.. labels, new Label("quantile", Format(quantile))]), ms, value));
        }

        samples.Add(new MetricSample(new SeriesKey(name + "_sum", labels), ms, sum));
        samples.Add(new MetricSample(new SeriesKey(name + "_count", labels), ms, count));
    }

    private void AddHistogramSeries(string name, List<Label> labels, long ms, List<(double UpperBound, double Cumulative)> buckets, ulong count, double sum, bool delta, List<MetricSample> samples)
    {
        foreach (var (upper, cumulative) in buckets)
        {
            var key = new SeriesKey(name + "_bucket", [.. labels, new Label("le", Format(upper))]);
            samples.Add(new MetricSample(key, ms, delta ? Accumulate(key, cumulative) : cumulative));
        }

        var inf = new SeriesKey(name + "_bucket", [.. labels, new Label("le", "+Inf")]);
        var sumKey = new SeriesKey(name + "_sum", labels);
        var countKey = new SeriesKey(name + "_count", labels);
        samples.Add(new MetricSample(inf, ms, delta ? Accumulate(inf, count) : count));
        samples.Add(new MetricSample(sumKey, ms, delta ? Accumulate(sumKey, sum) : sum));
        samples.Add(new MetricSample(countKey, ms, delta ? Accumulate(countKey, count) : count));
    }

    private double Accumulate(SeriesKey key, double delta)
    {
        if (_deltaTotals.Count > MaxDeltaSeries)
        {
            _deltaTotals.Clear();
        }

        return _deltaTotals.AddOrUpdate(key, delta, (_, total) => total + delta);
    }

    private static void AddLabel(List<Label> labels, KeyValue attribute)
    {
        var name = PrometheusNaming.LabelName(attribute.Key);
        var value = attribute.Value.ToString();
        var existing = labels.FindIndex(l => l.Name == name);
        if (existing >= 0)
        {
            labels[existing] = new Label(name, value);
        }
        else
        {
            labels.Add(new Label(name, value));
        }
    }

    private static void ReadPackedFixed64(ReadOnlySpan<byte> data, List<ulong> into)
    {
        var reader = new ProtoReader(data);
        while (!reader.End)
        {
            into.Add(reader.ReadFixed64());
        }
    }

    private static void ReadPackedDoubles(ReadOnlySpan<byte> data, List<double> into)
    {
        var reader = new ProtoReader(data);
        while (!reader.End)
        {
            into.Add(reader.ReadDouble());
        }
    }

    private static int ZigZag(ulong value) => (int)((uint)(value >> 1) ^ (uint)-(long)(value & 1));

    /// <summary>Bucket bounds and quantiles as Prometheus writes them.</summary>
    internal static string Format(double value) =>
        double.IsPositiveInfinity(value) ? "+Inf" : value.ToString("R", CultureInfo.InvariantCulture);
}
