using AIOps.Collector.Otlp.Grpc;

namespace AIOps.Collector.Tests.Otlp.Grpc;

public sealed class GrpcStatusMessageTests
{
    [Theory]
    [InlineData("span 3: trace_id must be 16 bytes", "span 3: trace_id must be 16 bytes")]
    [InlineData("100% full", "100%25 full")]
    [InlineData("line\nbreak", "line%0Abreak")]
    [InlineData("café", "caf%C3%A9")]
    [InlineData("", "")]
    public void Encode_Message_PercentEncodesWhatIsNotPrintableAscii(string message, string encoded)
    {
        GrpcStatusMessage.Encode(message).Should().Be(encoded);
        Uri.UnescapeDataString(encoded).Should().Be(message);
    }
}
