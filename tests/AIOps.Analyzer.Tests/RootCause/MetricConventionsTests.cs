using AIOps.Analyzer.RootCause;

namespace AIOps.Analyzer.Tests.RootCause;

public sealed class MetricConventionsTests
{
    [Theory]
    [InlineData("carts_cpu", "carts")]
    [InlineData("carts-db_mem", "carts")]
    [InlineData("front-end_lat_90", "front-end")]
    [InlineData("queue-master_cpu", "queue-master")]
    [InlineData("rabbitmq", "rabbitmq")]
    [InlineData("db-db_cpu", "db")]
    public void ServiceOf_MetricName_IsThePartBeforeTheFirstUnderscoreWithoutDb(string metric, string service) =>
        MetricConventions.ServiceOf(metric).Should().Be(service);

    [Fact]
    public void FillGaps_LeadingAndInnerGaps_ZeroThenCarryTheLastValue()
    {
        var frame = new MetricFrame([1, 2, 3, 4, 5, 6], ["a_cpu"], [[double.NaN, 1, double.NaN, double.NaN, 3, double.NaN]]);

        MetricConventions.FillGaps(frame).Column(0).Should().Equal(0, 1, 1, 1, 3, 3);
    }

    [Fact]
    public void MemoryToMegabytes_MemColumns_DividedByAMillionOthersUntouched()
    {
        var frame = new MetricFrame([1, 2], ["a_mem", "a_cpu", "a_memory"], [[342_642_688, 1e6], [2.5, 3], [7, 8]]);

        var megabytes = MetricConventions.MemoryToMegabytes(frame);

        megabytes.Column(0).Should().Equal(342.642688, 1);
        megabytes.Column(1).Should().Equal(2.5, 3);
        megabytes.Column(2).Should().Equal(7, 8);
    }

    [Fact]
    public void ToSeries_Frame_OneSeriesPerColumnAttributedToItsService()
    {
        var frame = new MetricFrame([1000, 2000], ["carts-db_cpu", "user_lat_50"], [[1, 2], [3, 4]]);

        var series = MetricConventions.ToSeries(frame);

        series.Select(s => (s.Service, s.Name)).Should().Equal(("carts", "carts-db_cpu"), ("user", "user_lat_50"));
        series[1].Points.Should().Equal(new MetricPoint(1000, 3), new MetricPoint(2000, 4));
    }
}
