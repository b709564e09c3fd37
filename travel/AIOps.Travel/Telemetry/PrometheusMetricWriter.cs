using System.Globalization;
using System.Text;
using OpenTelemetry.Metrics;

namespace AIOps.Travel.Telemetry;

/// <summary>
/// Renders one SDK metric as a Prometheus text family (format 0.0.4): monotonic sums as counters,
/// gauges and up-down sums as gauges, explicit-bucket histograms as cumulative _bucket{le}, _sum and
/// _count. Exponential histograms are not used by the platform and are left out.
/// </summary>
internal static class PrometheusMetricWriter
{
    public static void Write(StringBuilder page, Metric metric)
    {
        var type = metric.MetricType;
        if (type == MetricType.ExponentialHistogram)
        {
            return;
        }

        var isCounter = type is MetricType.LongSum or MetricType.DoubleSum;
        var isHistogram = type == MetricType.Histogram;
        var name = PrometheusMetricNames.Metric(metric.Name, metric.Unit, isCounter, isGauge: !isCounter && !isHistogram);
        if (!string.IsNullOrEmpty(metric.Description))
        {
            page.Append("# HELP ").Append(name).Append(' ')
                .Append(metric.Description.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)).Append('\n');
        }

        page.Append("# TYPE ").Append(name).Append(' ').Append(isCounter ? "counter" : isHistogram ? "histogram" : "gauge").Append('\n');
        foreach (ref readonly var point in metric.GetMetricPoints())
        {
            if (isHistogram)
            {
                WriteHistogram(page, name, point);
                continue;
            }

            var value = type switch
            {
                MetricType.LongSum or MetricType.LongSumNonMonotonic => point.GetSumLong(),
                MetricType.DoubleSum or MetricType.DoubleSumNonMonotonic => point.GetSumDouble(),
                MetricType.LongGauge => point.GetGaugeLastValueLong(),
                _ => point.GetGaugeLastValueDouble(),
            };
            WriteSample(page, name, point, null, value);
        }
    }

    private static void WriteHistogram(StringBuilder page, string name, in MetricPoint point)
    {
        long cumulative = 0;
        foreach (var bucket in point.GetHistogramBuckets())
        {
            cumulative += bucket.BucketCount;
            WriteSample(page, name + "_bucket", point, bucket.ExplicitBound, cumulative);
        }

        WriteSample(page, name + "_sum", point, null, point.GetHistogramSum());
        WriteSample(page, name + "_count", point, null, point.GetHistogramCount());
    }

    private static void WriteSample(StringBuilder page, string name, in MetricPoint point, double? le, double value)
    {
        page.Append(name);
        var first = true;
        foreach (var tag in point.Tags)
        {
            page.Append(first ? '{' : ',').Append(PrometheusMetricNames.Label(tag.Key)).Append("=\"");
            AppendLabelValue(page, tag.Value);
            page.Append('"');
            first = false;
        }

        if (le is { } bound)
        {
            page.Append(first ? '{' : ',').Append("le=\"").Append(Number(bound)).Append('"');
            first = false;
        }

        page.Append(first ? " " : "} ").Append(Number(value)).Append('\n');
    }

    private static void AppendLabelValue(StringBuilder page, object? value)
    {
        var text = value switch
        {
            null => string.Empty,
            string s => s,
            bool b => b ? "true" : "false",
            double d => Number(d),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? string.Empty,
        };
        foreach (var c in text)
        {
            _ = c switch
            {
                '\\' => page.Append("\\\\"),
                '"' => page.Append("\\\""),
                '\n' => page.Append("\\n"),
                _ => page.Append(c),
            };
        }
    }

    private static string Number(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        _ when double.IsNaN(value) => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };
}
