using AIOps.Travel.Telemetry;

namespace AIOps.Travel.Tests.Telemetry;

public sealed class PrometheusMetricNamesTests
{
    [Theory]
    [InlineData("http.server.request.duration", "s", false, false, "http_server_request_duration_seconds")]
    [InlineData("travel.bookings", "{booking}", true, false, "travel_bookings_total")]
    [InlineData("dotnet.gc.heap.total_allocated", "By", true, false, "dotnet_gc_heap_total_allocated_bytes_total")]
    [InlineData("process.cpu.utilization", "1", false, true, "process_cpu_utilization_ratio")]
    [InlineData("requests.ratio", "1", true, false, "requests_ratio_total")]
    [InlineData("io.rate", "By/s", false, true, "io_rate_bytes_per_second")]
    [InlineData("latency_seconds", "s", false, false, "latency_seconds")]
    [InlineData("jobs_total", null, true, false, "jobs_total")]
    [InlineData("9lives..weird-name", "ms", false, true, "_9lives_weird_name_milliseconds")]
    [InlineData("ns:recorded", "", false, true, "ns:recorded")]
    public void Metric_OpenTelemetryName_PrometheusName(string name, string? unit, bool isCounter, bool isGauge, string expected)
    {
        PrometheusMetricNames.Metric(name, unit, isCounter, isGauge).Should().Be(expected);
    }

    [Theory]
    [InlineData("http.route", "http_route")]
    [InlineData("server:port", "server_port")]
    [InlineData("1st", "_1st")]
    public void Label_AttributeKey_PrometheusLabelName(string key, string expected)
    {
        PrometheusMetricNames.Label(key).Should().Be(expected);
    }
}
