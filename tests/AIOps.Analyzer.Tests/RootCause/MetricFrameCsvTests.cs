using AIOps.Analyzer.RootCause;

namespace AIOps.Analyzer.Tests.RootCause;

public sealed class MetricFrameCsvTests
{
    private static MetricFrame Read(string text) => MetricFrameCsv.Read(new StringReader(text), "m.csv");

    [Fact]
    public void Read_WideCsv_TimeInMillisecondsColumnsInHeaderOrderEmptyCellsAsGaps()
    {
        var frame = Read("carts_cpu,time,\"user_mem\"\n1.5,1652565600,100\n,1652565601.5,2e3\n");

        frame.TimesMs.Should().Equal(1_652_565_600_000, 1_652_565_601_500);
        frame.Names.Should().Equal("carts_cpu", "user_mem");
        frame.Column(0)[0].Should().Be(1.5);
        double.IsNaN(frame.Column(0)[1]).Should().BeTrue();
        frame.Column(1).Should().Equal(100, 2000);
    }

    [Theory]
    [InlineData("", "m.csv: empty")]
    [InlineData("a_cpu,b_cpu\n1,2\n", "m.csv:1: no 'time' column")]
    [InlineData("time,a_cpu,a_cpu\n1,2,3\n", "m.csv:1: column name 'a_cpu'")]
    [InlineData("time,a_cpu\n1,2\n2,x7\n", "m.csv:3: column 'a_cpu': 'x7' is not a number")]
    [InlineData("time,a_cpu\n1,2\n2\n", "m.csv:3: 1 cells, the header has 2")]
    [InlineData("time,a_cpu\nnoon,2\n", "m.csv:2: time 'noon' is not a number")]
    [InlineData("time,a_cpu\n2,2\n1,3\n", "m.csv:3: time 1 does not come after")]
    [InlineData("time,a_cpu\n", "m.csv: no rows")]
    public void Read_Malformed_ThrowsNamingTheLineAndColumn(string text, string message) =>
        FluentActions.Invoking(() => Read(text)).Should().Throw<InvalidDataException>().WithMessage(message + "*");
}
