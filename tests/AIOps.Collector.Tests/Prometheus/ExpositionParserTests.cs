using AIOps.Collector.Model;
using AIOps.Collector.Prometheus;

namespace AIOps.Collector.Tests.Prometheus;

public sealed class ExpositionParserTests
{
    private const long Now = 1_700_000_000_000;

    [Fact]
    public void Parse_Families_SamplesAndMetadata()
    {
        const string page = """
            # HELP http_requests_total The total number of HTTP requests.
            # TYPE http_requests_total counter
            http_requests_total{method="post",code="200"} 1027 1395066363000
            http_requests_total{method="post",code="400"}    3 1395066363000

            # A comment that is not HELP or TYPE.
            # TYPE temperature gauge
            temperature -3.5
            untyped_metric 1e3
            """;

        var batch = ExpositionParser.Parse(page, Now);

        batch.Samples.Select(s => (s.Series.ToString(), s.TimestampMs, s.Value)).Should().Equal(
            ("http_requests_total{code=\"200\",method=\"post\"}", 1395066363000, 1027),
            ("http_requests_total{code=\"400\",method=\"post\"}", 1395066363000, 3),
            ("temperature", Now, -3.5),
            ("untyped_metric", Now, 1000));
        batch.Metadata.Should().Equal(
            new MetricMetadata("http_requests_total", MetricType.Counter, null, "The total number of HTTP requests."),
            new MetricMetadata("temperature", MetricType.Gauge, null, null));
    }

    [Theory]
    [InlineData("m NaN", double.NaN)]
    [InlineData("m nan", double.NaN)]
    [InlineData("m +Inf", double.PositiveInfinity)]
    [InlineData("m Inf", double.PositiveInfinity)]
    [InlineData("m -Inf", double.NegativeInfinity)]
    [InlineData("m -0.25e-3", -0.00025)]
    [InlineData("m 1.5E+10", 1.5e10)]
    [InlineData("m\t42", 42)]
    [InlineData("  m 7  ", 7)]
    [InlineData("m{} 3", 3)]
    [InlineData("m{a=\"b\",} 4", 4)]
    [InlineData("m { a = \"b\" } 5", 5)]
    [InlineData("m:recorded_rate 6", 6)]
    public void Parse_Values_AsPrometheusReadsThem(string line, double expected)
    {
        ExpositionParser.Parse(line, Now).Samples.Single().Value.Should().Be(expected);
    }

    [Theory]
    [InlineData("""m{path="a\\b"} 1""", "a\\b")]
    [InlineData("""m{path="say \"hi\""} 1""", "say \"hi\"")]
    [InlineData("""m{path="two\nlines"} 1""", "two\nlines")]
    [InlineData("""m{path="commas, and } braces {"} 1""", "commas, and } braces {")]
    [InlineData("""m{path="ünïcødé ✓"} 1""", "ünïcødé ✓")]
    public void Parse_LabelEscapes_Unescaped(string line, string expected)
    {
        ExpositionParser.Parse(line, Now).Samples.Single().Series["path"].Should().Be(expected);
    }

    [Fact]
    public void Parse_HelpEscapes_OnlyBackslashAndNewline()
    {
        var batch = ExpositionParser.Parse("# HELP m Line one\\nline two, a \\\\ backslash, a \\\" quote kept\r\nm 1\r\n", Now);

        batch.Metadata.Single().Help.Should().Be("Line one\nline two, a \\ backslash, a \\\" quote kept");
        batch.Samples.Single().Value.Should().Be(1);
    }

    [Fact]
    public void Parse_HistogramAndSummary_FamiliesKeepTheirSeries()
    {
        const string page = """
            # HELP rpc_duration_seconds RPC latency.
            # TYPE rpc_duration_seconds histogram
            rpc_duration_seconds_bucket{le="0.05"} 24054
            rpc_duration_seconds_bucket{le="0.1"} 33444
            rpc_duration_seconds_bucket{le="+Inf"} 144320
            rpc_duration_seconds_sum 53423
            rpc_duration_seconds_count 144320
            # TYPE gc_seconds summary
            gc_seconds{quantile="0.5"} 0.013
            gc_seconds{quantile="0.99"} NaN
            gc_seconds_sum 1.7
            gc_seconds_count 30
            """;

        var batch = ExpositionParser.Parse(page, Now);

        batch.Metadata.Select(m => (m.Name, m.Type)).Should().Equal(("rpc_duration_seconds", MetricType.Histogram), ("gc_seconds", MetricType.Summary));
        batch.Samples.Where(s => s.Series.Name == "rpc_duration_seconds_bucket").Select(s => (s.Series["le"], s.Value))
            .Should().Equal(("0.05", 24054), ("0.1", 33444), ("+Inf", 144320));
        batch.Samples.Single(s => s.Series.Name == "rpc_duration_seconds_count").Value.Should().Be(144320);
        batch.Samples.Where(s => s.Series.Name == "gc_seconds").Select(s => s.Series["quantile"]).Should().Equal("0.5", "0.99");
        double.IsNaN(batch.Samples.Single(s => s.Series["quantile"] == "0.99").Value).Should().BeTrue();
    }

    [Fact]
    public void Parse_TargetLabels_AddedAndConflictsExported()
    {
        var batch = ExpositionParser.Parse("m{job=\"inner\",x=\"1\"} 2", Now, [new Label("job", "outer"), new Label("instance", "host:80")]);

        batch.Samples.Single().Series.ToString().Should().Be("m{exported_job=\"inner\",instance=\"host:80\",job=\"outer\",x=\"1\"}");
    }

    [Fact]
    public void Parse_EmptyPage_NothingAndNoError()
    {
        var batch = ExpositionParser.Parse("\n\n# just a comment\n", Now);

        batch.Samples.Should().BeEmpty();
        batch.Metadata.Should().BeEmpty();
    }

    [Theory]
    [InlineData("ok 1\n2bad 1", 2, "expected a metric name")]
    [InlineData("ok 1\nok 2\nno_value", 3, "no_value has no value")]
    [InlineData("m abc", 1, "'abc' is not a number")]
    [InlineData("m 1 12.5", 1, "not a timestamp")]
    [InlineData("m 1 2 3", 1, "unexpected text")]
    [InlineData("m-x 1", 1, "invalid character '-'")]
    [InlineData("m{a=\"b\" 1", 1, "expected ',' or '}' after label a")]
    [InlineData("m{a=b} 1", 1, "must be quoted")]
    [InlineData("m{a} 1", 1, "expected '=' after label a")]
    [InlineData("m{1a=\"b\"} 1", 1, "expected a label name")]
    [InlineData("m{a=\"b} 1", 1, "unterminated value of label a")]
    [InlineData("m{a=\"\\t\"} 1", 1, "invalid escape '\\t'")]
    [InlineData("m{a=\"1\",a=\"2\"} 1", 1, "duplicate label a")]
    [InlineData("m{a=\"1\",", 1, "unterminated label set")]
    [InlineData("\n\n# TYPE m histogramm", 3, "unknown metric type 'histogramm'")]
    [InlineData("# TYPE", 1, "# TYPE needs a valid metric name")]
    [InlineData("# HELP 9lives x", 1, "# HELP needs a valid metric name")]
    [InlineData("# TYPE h histogram\nh_bucket 1", 2, "h_bucket needs a le label")]
    [InlineData("# TYPE h histogram\nh_bucket{le=\"big\"} 1", 2, "le=\"big\" of h_bucket is not a number")]
    [InlineData("# TYPE s summary\ns 1", 2, "s needs a quantile label")]
    public void Parse_Malformed_ErrorNamesTheLine(string page, int line, string reason)
    {
        var parse = () => ExpositionParser.Parse(page, Now);

        var error = parse.Should().Throw<ExpositionFormatException>().Which;
        error.LineNumber.Should().Be(line);
        error.Message.Should().StartWith($"line {line}: ").And.Contain(reason);
    }
}
