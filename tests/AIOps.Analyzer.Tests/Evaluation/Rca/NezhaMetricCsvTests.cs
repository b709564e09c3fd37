using AIOps.Analyzer.Evaluation.Rca;

namespace AIOps.Analyzer.Tests.Evaluation.Rca;

public sealed class NezhaMetricCsvTests
{
    private const string Header = "Time,TimeStamp,PodName,CpuUsageRate(%),MemoryUsage(Mi),NodeCpuUsageRate(%)";

    private static string Csv(params string[] rows) => string.Join('\n', [Header, .. rows]);

    private static readonly string s_rows = Csv(
        "2023-01-29 08:41:09.85 +0000 UTC m=+0.93,1674981669,ts-contacts-service-866bd68c97-xcqfx,2.8,424.1,8.6",
        "2023-01-29 08:42:09.46 +0000 UTC m=+60.5,1674981729,ts-contacts-service-866bd68c97-xcqfx,NaN,424.8,6.3",
        "2023-01-29 08:43:10.08 +0000 UTC m=+121.1,1674981790,ts-contacts-service-866bd68c97-xcqfx,1.9,,5.8");

    [Fact]
    public void Read_Rows_GivesOneSeriesPerNumericColumnNamedAfterTheService()
    {
        var series = NezhaMetricCsv.Read(new StringReader(s_rows), "m.csv", 0, long.MaxValue);

        series.Select(s => s.Name).Should().Equal("ts-contacts-service_CpuUsageRate(%)", "ts-contacts-service_MemoryUsage(Mi)", "ts-contacts-service_NodeCpuUsageRate(%)");
        series.Should().OnlyContain(s => s.Service == "ts-contacts-service");
        series[0].Points.Select(p => p.TimeMs).Should().Equal(1674981669000, 1674981729000, 1674981790000);
        series[0].Points[1].Value.Should().Be(double.NaN, "NaN is a gap");
        series[1].Points[2].Value.Should().Be(double.NaN, "an empty cell is a gap");
    }

    [Fact]
    public void Read_Window_KeepsRowsFromItsStartUpToItsEndAndTheChosenColumns()
    {
        var series = NezhaMetricCsv.Read(new StringReader(s_rows), "m.csv", 1674981729000, 1674981790000, c => !c.StartsWith("Node", StringComparison.Ordinal));

        series.Should().HaveCount(2);
        series.Should().OnlyContain(s => s.Points.Count == 1 && s.Points[0].TimeMs == 1674981729000);
    }

    [Fact]
    public void Read_WindowWithoutRows_GivesNoSeries() =>
        NezhaMetricCsv.Read(new StringReader(s_rows), "m.csv", 0, 1000).Should().BeEmpty();

    [Theory]
    [InlineData("t,1674981669,pod,2.8,abc,8.6", "m.csv:2: column 'MemoryUsage(Mi)': 'abc'*")]
    [InlineData("t,1674981669.5,pod,2.8,1,8.6", "m.csv:2: TimeStamp*")]
    [InlineData("t,1674981669,pod,2.8,1", "m.csv:2: 5 cells*")]
    public void Read_BadRow_ThrowsNamingFileAndLine(string row, string message) =>
        FluentActions.Invoking(() => NezhaMetricCsv.Read(new StringReader(Csv(row)), "m.csv", 0, long.MaxValue))
            .Should().Throw<InvalidDataException>().WithMessage(message);

    [Fact]
    public void Read_TimeGoingBack_Throws() =>
        FluentActions.Invoking(() => NezhaMetricCsv.Read(new StringReader(Csv("t,2,pod,1,1,1", "t,1,pod,1,1,1")), "m.csv", 0, long.MaxValue))
            .Should().Throw<InvalidDataException>().WithMessage("m.csv:3: TimeStamp 1 does not come after*");
}
