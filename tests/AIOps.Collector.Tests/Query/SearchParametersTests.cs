using AIOps.Collector.Query;

namespace AIOps.Collector.Tests.Query;

public sealed class SearchParametersTests
{
    [Theory]
    [InlineData("trace", 1)]
    [InlineData("debug", 5)]
    [InlineData("info", 9)]
    [InlineData("Information", 9)]
    [InlineData("warn", 13)]
    [InlineData("WARNING", 13)]
    [InlineData("error", 17)]
    [InlineData("fatal", 21)]
    [InlineData("critical", 21)]
    [InlineData("11", 11)]
    [InlineData("24", 24)]
    public void TryParseSeverity_NameOrNumber_OtlpNumber(string text, int expected)
    {
        SearchParameters.TryParseSeverity(text, out var number).Should().BeTrue();

        number.Should().Be(expected);
    }

    [Theory]
    [InlineData("")]
    [InlineData("loud")]
    [InlineData("0")]
    [InlineData("25")]
    [InlineData("-3")]
    public void TryParseSeverity_Other_False(string text) =>
        SearchParameters.TryParseSeverity(text, out _).Should().BeFalse();

    [Theory]
    [InlineData(0, "unset")]
    [InlineData(1, "trace")]
    [InlineData(8, "debug")]
    [InlineData(9, "info")]
    [InlineData(16, "warn")]
    [InlineData(17, "error")]
    [InlineData(24, "fatal")]
    [InlineData(30, "fatal")]
    public void SeverityName_Number_NameOfItsRange(int number, string expected) =>
        SearchParameters.SeverityName(number).Should().Be(expected);

    [Theory]
    [InlineData("http.route=/book", "http.route", "/book")]
    [InlineData("k=", "k", "")]
    [InlineData("q=a=b", "q", "a=b")]
    public void TryParseAttribute_KeyValue_SplitAtFirstEquals(string text, string key, string value)
    {
        SearchParameters.TryParseAttribute(text, out var attribute).Should().BeTrue();

        attribute.Should().Be((key, value));
    }

    [Theory]
    [InlineData("=x")]
    [InlineData("novalue")]
    public void TryParseAttribute_NoKey_False(string text) =>
        SearchParameters.TryParseAttribute(text, out _).Should().BeFalse();

    [Theory]
    [InlineData(1, 0, null)]
    [InlineData(1000, 5, null)]
    [InlineData(0, 0, "limit must be between 1 and 1000")]
    [InlineData(1001, 0, "limit must be between 1 and 1000")]
    [InlineData(10, -1, "offset must not be negative")]
    public void PageError_Bounds(int limit, int offset, string? expected) =>
        SearchParameters.PageError(limit, offset).Should().Be(expected);
}
