using AIOps.Dashboard.Model;

namespace AIOps.Dashboard.Tests.Model;

public sealed class SearchFormTests
{
    [Theory]
    [InlineData(null, null, 20, 0)]
    [InlineData(" 50 ", "100", 50, 100)]
    [InlineData("1000", "", 1000, 0)]
    public void TryPage_Valid_Page(string? limit, string? offset, int expectedLimit, int expectedOffset)
    {
        SearchForm.TryPage(limit, offset, 20, out var page, out var error).Should().BeTrue(error);

        page.Should().Be((expectedLimit, expectedOffset));
    }

    [Theory]
    [InlineData("ten", null, "limit")]
    [InlineData("0", null, "limit must be between 1 and 1000")]
    [InlineData("1001", null, "limit must be between 1 and 1000")]
    [InlineData(null, "-5", "offset")]
    [InlineData(null, "x", "offset")]
    public void TryPage_Invalid_NamesTheField(string? limit, string? offset, string message)
    {
        SearchForm.TryPage(limit, offset, 20, out _, out var error).Should().BeFalse();

        error.Should().Contain(message);
    }

    [Fact]
    public void Address_BlankFieldsLeftOut()
    {
        SearchForm.Address("/logs", [("service", "hotel"), ("text", null), ("severity", ""), ("q", "a b&c")])
            .Should().Be("/logs?service=hotel&q=a%20b%26c");
    }

    [Theory]
    [InlineData("250", null, null, 250_000_000L)]
    [InlineData("0.5", "on", "http.route=/book", 500_000L)]
    [InlineData("", null, "k=", 0L)]
    public void TraceParse_Valid_Search(string minMs, string? errors, string? attribute, long expectedNanos)
    {
        var (search, error) = new TraceSearchForm(" hotel ", "", minMs, errors, attribute, null, null).Parse(10, 20);

        error.Should().BeNull();
        search!.MinDurationNanos.Should().Be(expectedNanos);
        search.Service.Should().Be("hotel");
        search.Operation.Should().BeNull();
        search.Error.Should().Be(errors is null ? null : true);
        (search.FromUnixNano, search.ToUnixNano, search.Limit).Should().Be((10, 20, TraceSearchForm.DefaultLimit));
        search.Attribute.Should().Be(attribute is null ? null : (attribute.Split('=')[0], attribute.Split('=')[1]));
    }

    [Theory]
    [InlineData("slow", null, null, "minimum duration must be a number")]
    [InlineData("-3", null, null, "minimum duration")]
    [InlineData(null, "=x", null, "attribute must be key=value")]
    [InlineData(null, "nokey", null, "attribute must be key=value")]
    [InlineData(null, null, "many", "limit")]
    public void TraceParse_Invalid_NamesTheField(string? minMs, string? attribute, string? limit, string message)
    {
        var (search, error) = new TraceSearchForm(null, null, minMs, null, attribute, limit, null).Parse(0, 1);

        search.Should().BeNull();
        error.Should().Contain(message);
    }

    [Theory]
    [InlineData("warn", 13)]
    [InlineData("ERROR", 17)]
    [InlineData("fatal", 21)]
    [InlineData("", 0)]
    public void LogParse_Severity_OtlpNumber(string severity, int expected)
    {
        var (search, error) = new LogSearchForm(null, severity, null, null, null, null).Parse(10, 20);

        error.Should().BeNull();
        search!.MinSeverity.Should().Be(expected);
        (search.FromUnixNano, search.ToUnixNano, search.Limit).Should().Be((10, 20, LogSearchForm.DefaultLimit));
    }

    [Fact]
    public void LogParse_TraceId_AnyTimeAndLowerCase()
    {
        var (search, _) = new LogSearchForm(null, null, null, "0AF7651916CD43DD8448EB211C80319C", null, null).Parse(10, 20);

        search!.TraceId.Should().Be("0af7651916cd43dd8448eb211c80319c");
        (search.FromUnixNano, search.ToUnixNano).Should().Be((0, long.MaxValue));
    }

    [Theory]
    [InlineData("loud", null, "minimum severity")]
    [InlineData(null, "abc", "trace id must be 32 hex characters")]
    public void LogParse_Invalid_NamesTheField(string? severity, string? traceId, string message)
    {
        var (search, error) = new LogSearchForm(null, severity, null, traceId, null, null).Parse(0, 1);

        search.Should().BeNull();
        error.Should().Contain(message);
    }
}
