using AIOps.Collector.Model;

namespace AIOps.Collector.Prometheus;

public sealed partial class RemoteWriteDecoder
{
    /// <summary>MetricMetadata: type = 1, metric_family_name = 2, help = 4, unit = 5.</summary>
    private MetricMetadata? ReadMetadata(ReadOnlySpan<byte> data)
    {
        var type = MetricType.Unknown;
        string? name = null, help = null, unit = null;
        var reader = new RemoteWriteReader(data);
        while (reader.Next(out var field, out var wire))
        {
            switch (field)
            {
                case 1:
                    RemoteWriteReader.Expect(wire, 0, "metadata type");
                    type = MapType(reader.ReadVarint());
                    break;
                case 2:
                    RemoteWriteReader.Expect(wire, 2, "metric_family_name");
                    name = _strings.Get(reader.ReadBytes());
                    break;
                case 4:
                    RemoteWriteReader.Expect(wire, 2, "help");
                    help = _strings.Get(reader.ReadBytes());
                    break;
                case 5:
                    RemoteWriteReader.Expect(wire, 2, "unit");
                    unit = _strings.Get(reader.ReadBytes());
                    break;
                default:
                    reader.Skip(wire);
                    break;
            }
        }

        return string.IsNullOrEmpty(name) ? null : new MetricMetadata(name, type, NullIfEmpty(unit), NullIfEmpty(help));
    }

    /// <summary>
    /// prometheus.MetricMetadata.MetricType: UNKNOWN 0, COUNTER 1, GAUGE 2, HISTOGRAM 3, GAUGEHISTOGRAM 4,
    /// SUMMARY 5, INFO 6, STATESET 7. Info and state-set series are gauges of 0 and 1.
    /// </summary>
    private static MetricType MapType(ulong type) => type switch
    {
        1 => MetricType.Counter,
        2 or 6 or 7 => MetricType.Gauge,
        3 or 4 => MetricType.Histogram,
        5 => MetricType.Summary,
        _ => MetricType.Unknown,
    };

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
