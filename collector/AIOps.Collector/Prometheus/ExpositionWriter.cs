using System.Globalization;
using AIOps.Collector.Model;

namespace AIOps.Collector.Prometheus;

/// <summary>
/// Writes the Prometheus text exposition format 0.0.4: each family's # HELP and # TYPE lines followed by
/// its samples, label values and help text escaped, numbers in the invariant culture (NaN, +Inf, -Inf).
/// Lines end with \n whatever the platform.
/// </summary>
public sealed class ExpositionWriter(TextWriter output)
{
    /// <summary>The Content-Type of a page in this format.</summary>
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    private static readonly string[] s_familySuffixes = ["_bucket", "_sum", "_count"];

    /// <summary>Starts a family; its samples must follow before the next family starts.</summary>
    public void WriteFamily(string name, MetricType type, string? help)
    {
        if (help is not null)
        {
            output.Write("# HELP ");
            output.Write(name);
            output.Write(' ');
            output.Write(help.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal));
            output.Write('\n');
        }

        output.Write("# TYPE ");
        output.Write(name);
        output.Write(' ');
        output.Write(TypeName(type));
        output.Write('\n');
    }

    public void WriteSample(string name, IReadOnlyList<Label> labels, double value, long? timestampMs = null)
    {
        output.Write(name);
        if (labels.Count > 0)
        {
            output.Write('{');
            for (var i = 0; i < labels.Count; i++)
            {
                if (i > 0)
                {
                    output.Write(',');
                }

                output.Write(labels[i].Name);
                output.Write("=\"");
                WriteLabelValue(labels[i].Value);
                output.Write('"');
            }

            output.Write('}');
        }

        output.Write(' ');
        output.Write(FormatValue(value));
        if (timestampMs is { } timestamp)
        {
            output.Write(' ');
            output.Write(timestamp.ToString(CultureInfo.InvariantCulture));
        }

        output.Write('\n');
    }

    /// <summary>A sample value as the format spells it.</summary>
    public static string FormatValue(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        _ when double.IsNaN(value) => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// A whole batch as one page: samples grouped into families by the batch's metadata (histogram and
    /// summary series under their family name), series without metadata as untyped families of their own.
    /// </summary>
    public static string Write(MetricBatch batch, bool withTimestamps = false)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var metadata = new Dictionary<string, MetricMetadata>(StringComparer.Ordinal);
        foreach (var family in batch.Metadata)
        {
            metadata[family.Name] = family;
        }

        var families = new Dictionary<string, List<MetricSample>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var sample in batch.Samples)
        {
            var family = FamilyName(sample.Series.Name, metadata);
            if (!families.TryGetValue(family, out var samples))
            {
                families.Add(family, samples = []);
                order.Add(family);
            }

            samples.Add(sample);
        }

        using var text = new StringWriter(CultureInfo.InvariantCulture);
        var writer = new ExpositionWriter(text);
        foreach (var family in order)
        {
            var known = metadata.GetValueOrDefault(family);
            writer.WriteFamily(family, known?.Type ?? MetricType.Unknown, known?.Help);
            foreach (var sample in families[family])
            {
                writer.WriteSample(sample.Series.Name, sample.Series.Labels, sample.Value, withTimestamps ? sample.TimestampMs : null);
            }
        }

        return text.ToString();
    }

    private static string FamilyName(string series, Dictionary<string, MetricMetadata> metadata)
    {
        if (metadata.ContainsKey(series))
        {
            return series;
        }

        foreach (var suffix in s_familySuffixes)
        {
            if (series.EndsWith(suffix, StringComparison.Ordinal)
                && metadata.TryGetValue(series[..^suffix.Length], out var family)
                && (family.Type == MetricType.Histogram || (family.Type == MetricType.Summary && suffix != "_bucket")))
            {
                return family.Name;
            }
        }

        return series;
    }

    private void WriteLabelValue(string value)
    {
        if (value.AsSpan().IndexOfAny("\\\"\n") < 0)
        {
            output.Write(value);
            return;
        }

        foreach (var c in value)
        {
            switch (c)
            {
                case '\\':
                    output.Write("\\\\");
                    break;
                case '"':
                    output.Write("\\\"");
                    break;
                case '\n':
                    output.Write("\\n");
                    break;
                default:
                    output.Write(c);
                    break;
            }
        }
    }

    private static string TypeName(MetricType type) => type switch
    {
        MetricType.Counter => "counter",
        MetricType.Gauge => "gauge",
        MetricType.Histogram => "histogram",
        MetricType.Summary => "summary",
        _ => "untyped",
    };
}
