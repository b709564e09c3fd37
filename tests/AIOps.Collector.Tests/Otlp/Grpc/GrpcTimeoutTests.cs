using AIOps.Collector.Otlp.Grpc;

namespace AIOps.Collector.Tests.Otlp.Grpc;

public sealed class GrpcTimeoutTests
{
    [Theory]
    [InlineData("2H", 2 * TimeSpan.TicksPerHour)]
    [InlineData("3M", 3 * TimeSpan.TicksPerMinute)]
    [InlineData("10S", 10 * TimeSpan.TicksPerSecond)]
    [InlineData("200m", 200 * TimeSpan.TicksPerMillisecond)]
    [InlineData("1500u", 15_000)]
    [InlineData("99999999n", 999_999)]
    [InlineData("0m", 0)]
    public void TryParse_ValidHeader_GivesTheTimeout(string header, long ticks)
    {
        GrpcTimeout.TryParse(header, out var timeout).Should().BeTrue();

        timeout.Should().Be(TimeSpan.FromTicks(ticks));
    }

    [Theory]
    [InlineData("")]
    [InlineData("S")]
    [InlineData("10")]
    [InlineData("123456789S")]
    [InlineData("-1S")]
    [InlineData("+1S")]
    [InlineData("1 S")]
    [InlineData("5s")]
    public void TryParse_InvalidHeader_IsRefused(string header)
    {
        GrpcTimeout.TryParse(header, out _).Should().BeFalse();
    }
}
