using System.Globalization;
using AIOps.Collector.Model;
using AIOps.Collector.Prometheus;

namespace AIOps.Collector.Tests.Prometheus;

public sealed class ExpositionWriterTests
{
    [Theory]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "+Inf")]
    [InlineData(double.NegativeInfinity, "-Inf")]
    [InlineData(0.1, "0.1")]
    [InlineData(-2.5e-12, "-2.5E-12")]
    [InlineData(1e21, "1E+21")]
    [InlineData(42.0, "42")]
    public void FormatValue_Numbers_InvariantAndParseable(double value, string expected)
    {
        ExpositionWriter.FormatValue(value).Should().Be(expected);
        ExpositionParser.TryParseValue(expected, out var parsed).Should().BeTrue();
        parsed.Should().Be(value);
    }

    [Fact]
    public void Write_FamilyAndSamples_ExactText()
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        var writer = new ExpositionWriter(text);

        writer.WriteFamily("queue_depth", MetricType.Gauge, "Messages waiting.\nPer topic; \\ escaped.");
        writer.WriteSample("queue_depth", [new Label("topic", "a\"b\\c\nd")], 3);
        writer.WriteSample("queue_depth", [], double.NaN, 1_700_000_000_000);

        text.ToString().Should().Be(
            "# HELP queue_depth Messages waiting.\\nPer topic; \\\\ escaped.\n" +
            "# TYPE queue_depth gauge\n" +
            "queue_depth{topic=\"a\\\"b\\\\c\\nd\"} 3\n" +
            "queue_depth NaN 1700000000000\n");
    }

    [Fact]
    public void Write_Batch_GroupsHistogramSeriesUnderTheirFamily()
    {
        var bucket = (string le, double v) => new MetricSample(new SeriesKey("latency_seconds_bucket", [new Label("le", le)]), 5, v);
        var batch = new MetricBatch(
            [
                bucket("0.1", 1),
                new MetricSample(new SeriesKey("orphan", []), 5, 9),
                bucket("+Inf", 2),
                new MetricSample(new SeriesKey("latency_seconds_sum", []), 5, 0.35),
                new MetricSample(new SeriesKey("latency_seconds_count", []), 5, 2),
            ],
            [new MetricMetadata("latency_seconds", MetricType.Histogram, "seconds", "Latency.")]);

        ExpositionWriter.Write(batch).Should().Be(
            "# HELP latency_seconds Latency.\n" +
            "# TYPE latency_seconds histogram\n" +
            "latency_seconds_bucket{le=\"0.1\"} 1\n" +
            "latency_seconds_bucket{le=\"+Inf\"} 2\n" +
            "latency_seconds_sum 0.35\n" +
            "latency_seconds_count 2\n" +
            "# TYPE orphan untyped\n" +
            "orphan 9\n");
    }

    [Fact]
    public void Write_ThenParse_RoundTrips()
    {
        var series = new SeriesKey("rpc_total", [new Label("path", "/a \"quoted\" \\ path\nwith newline"), new Label("code", "200")]);
        var batch = new MetricBatch(
            [
                new MetricSample(series, 1_700_000_000_123, 17),
                new MetricSample(new SeriesKey("temperature", []), -5, double.NegativeInfinity),
            ],
            [
                new MetricMetadata("rpc_total", MetricType.Counter, null, "Calls.\nAll of them \\o/"),
                new MetricMetadata("temperature", MetricType.Gauge, null, null),
            ]);

        var parsed = ExpositionParser.Parse(ExpositionWriter.Write(batch, withTimestamps: true), 0);

        parsed.Samples.Should().Equal(batch.Samples);
        parsed.Metadata.Should().Equal(batch.Metadata);
    }
}
