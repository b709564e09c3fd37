using AIOps.Collector.Otlp.Grpc;

namespace AIOps.Collector.Tests.Otlp.Grpc;

public sealed class OtlpGrpcOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeeds()
    {
        var options = new OtlpGrpcOptions();

        new OtlpGrpcOptionsValidator().Validate(null, options).Succeeded.Should().BeTrue();
        options.Port.Should().Be(4317);
        options.MaxMessageBytes.Should().Be(16 * 1024 * 1024);
    }

    [Theory]
    [InlineData(0, 1024, "Port")]
    [InlineData(70000, 1024, "Port")]
    [InlineData(4317, 0, "MaxMessageBytes")]
    public void Validate_OutOfRange_FailsNamingTheSetting(int port, int maxMessageBytes, string setting)
    {
        var result = new OtlpGrpcOptionsValidator().Validate(null, new OtlpGrpcOptions { Port = port, MaxMessageBytes = maxMessageBytes });

        result.Failed.Should().BeTrue();
        result.FailureMessage.Should().Contain(setting);
    }
}
