using AIOps.Analyzer.Evaluation.Nab;

namespace AIOps.Analyzer.Tests.Evaluation.Nab;

public sealed class NabWindowsTests
{
    [Theory]
    [InlineData(new long[] { 0, 10, 20, 30, 40 }, 10, 30, 1, 3)]
    [InlineData(new long[] { 0, 10, 10, 20, 30 }, 10, 20, 1, 3)] // a repeated start: its first row
    [InlineData(new long[] { 0, 10, 20, 20, 30 }, 10, 20, 1, 2)] // a repeated end: its first row, as NAB
    [InlineData(new long[] { 0, 10, 20, 30, 40 }, 5, 35, 1, 3)] // edges between rows move inwards
    [InlineData(new long[] { 0, 30, 20, 40, 50 }, 20, 40, 2, 3)] // a step back in time: exact matches, in order
    public void ToRows_Timestamps_MapToRowIndices(long[] timestamps, long start, long end, int first, int last)
    {
        NabWindows.ToRows(timestamps, start, end).Should().Be(new NabWindow(first, last));
    }

    [Fact]
    public void ToRows_WindowBetweenRows_Throws()
    {
        var act = () => NabWindows.ToRows([0, 10, 20], 12, 18);

        act.Should().Throw<InvalidDataException>();
    }
}
