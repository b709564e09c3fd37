using AIOps.Analyzer.Evaluation.Rca;

namespace AIOps.Analyzer.Tests.Evaluation.Rca;

public sealed class NezhaTraceFilesTests
{
    private const long EightFortyThree = 1674981780000; // 2023-01-29 08:43:00 on the dataset's clock

    [Theory]
    [InlineData("08_43_trace.csv", EightFortyThree)]
    [InlineData("08_43_traceid.csv", null)]
    [InlineData("8_43_trace.csv", null)]
    [InlineData("25_00_trace.csv", null)]
    public void MinuteOf_FileName_IsItsNamedMinuteOrNull(string name, long? minuteMs) =>
        NezhaTraceFiles.MinuteOf("2023-01-29", name).Should().Be(minuteMs);

    [Theory]
    [InlineData(-60, 0, true)]       // the window before the named minute: the file's usual content on 2023-01-29
    [InlineData(0, 60, true)]        // the minute after: its content on 2023-01-30
    [InlineData(-170, -150, true)]   // a file that holds three minutes reaches 111 s back
    [InlineData(-300, -180, false)]
    [InlineData(120, 300, false)]
    public void MayCover_WindowAroundTheNamedMinute_KeepsTheFileWhenItMayHoldSpans(int fromSeconds, int toSeconds, bool covers) =>
        NezhaTraceFiles.MayCover(EightFortyThree, EightFortyThree + (fromSeconds * 1000L), EightFortyThree + (toSeconds * 1000L)).Should().Be(covers);
}
