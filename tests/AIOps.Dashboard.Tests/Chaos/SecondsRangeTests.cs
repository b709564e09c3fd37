using AIOps.Dashboard.Chaos;

namespace AIOps.Dashboard.Tests.Chaos;

public sealed class SecondsRangeTests
{
    [Theory]
    [InlineData("60-90", 60, 90)]
    [InlineData(" 30 - 45 ", 30, 45)]
    [InlineData("75", 75, 75)]
    [InlineData("1-3600", 1, 3600)]
    public void Parse_Valid_ReturnsTheRange(string text, int min, int max)
    {
        SecondsRange.Parse(text, "--fault-seconds").Should().Be(new SecondsRange(min, max));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("90-60")]
    [InlineData("0-10")]
    [InlineData("10-3601")]
    [InlineData("1.5")]
    [InlineData("-5")]
    [InlineData("5-10-20")]
    [InlineData("a-b")]
    public void Parse_Invalid_ThrowsNamingTheOptionAndTheText(string? text)
    {
        var parse = () => SecondsRange.Parse(text, "--quiet-seconds");

        parse.Should().Throw<ArgumentException>().Which.Message.Should().StartWith($"--quiet-seconds '{text}'");
    }

    [Fact]
    public void Draw_StaysInsideBothEndsAndReachesThem()
    {
        var range = new SecondsRange(3, 5);
        var random = new Random(1);

        var drawn = Enumerable.Range(0, 200).Select(_ => range.Draw(random).TotalSeconds).ToList();

        drawn.Distinct().Order().Should().Equal(3, 4, 5);
    }

    [Fact]
    public void ToString_WritesWhatParseReads()
    {
        new SecondsRange(60, 90).ToString().Should().Be("60-90");
        new SecondsRange(60, 60).ToString().Should().Be("60");
    }
}
