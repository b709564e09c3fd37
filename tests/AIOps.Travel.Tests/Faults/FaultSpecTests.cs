using AIOps.Travel.Faults;

namespace AIOps.Travel.Tests.Faults;

public sealed class FaultSpecTests
{
    [Theory]
    [InlineData("bogus", 1.0, 10.0, null, null, "kind")]
    [InlineData("latency", null, 10.0, null, null, "intensity")]
    [InlineData("latency", 100.0, null, null, null, "durationSeconds")]
    [InlineData("latency", 100.0, 0.0, null, null, "durationSeconds")]
    [InlineData("latency", 100.0, 7200.0, null, null, "durationSeconds")]
    [InlineData("latency", 0.0, 10.0, null, null, "intensity")]
    [InlineData("latency", 100.0, 10.0, -5.0, null, "jitterMs")]
    [InlineData("error", 1.5, 10.0, null, null, "intensity")]
    [InlineData("cpu", 0.0, 10.0, null, null, "intensity")]
    [InlineData("memory", 1000.0, 10.0, null, null, "intensity")]
    [InlineData("thread-pool", 0.5, 10.0, null, null, "intensity")]
    [InlineData("error", 0.5, 10.0, 20.0, null, "jitterMs")]
    [InlineData("slow-dependency", 100.0, 10.0, null, null, "dependency")]
    [InlineData("failing-dependency", 0.5, 10.0, null, "", "dependency")]
    public void TryCreate_BadRequest_FailsNamingTheField(string kind, double? intensity, double? duration, double? jitter, string? dependency, string field)
    {
        FaultSpec.TryCreate(new FaultRequest(kind, intensity, duration, jitter, dependency), out var spec, out var error).Should().BeFalse();

        spec.Should().BeNull();
        error.Should().Contain(field);
    }

    [Theory]
    [InlineData("latency", 250.0, 60.0, 50.0, null)]
    [InlineData("error", 0.3, 60.0, null, null)]
    [InlineData("cpu", 0.5, 60.0, null, null)]
    [InlineData("memory", 20.0, 60.0, null, null)]
    [InlineData("thread-pool", 64.0, 60.0, null, null)]
    [InlineData("connection-pool", 1.0, 60.0, null, null)]
    [InlineData("slow-dependency", 300.0, 60.0, null, "hotel")]
    [InlineData("failing-dependency", 1.0, 60.0, null, "smtp")]
    public void TryCreate_ValidRequest_KeepsEveryValue(string kind, double intensity, double duration, double? jitter, string? dependency)
    {
        FaultSpec.TryCreate(new FaultRequest(kind, intensity, duration, jitter, dependency), out var spec, out var error).Should().BeTrue(error);

        FaultKinds.ToName(spec!.Kind).Should().Be(kind);
        spec.Intensity.Should().Be(intensity);
        spec.Duration.Should().Be(TimeSpan.FromSeconds(duration));
        spec.JitterMs.Should().Be(jitter ?? 0);
        spec.Dependency.Should().Be(dependency);
    }

    [Fact]
    public void TryCreate_Crash_NeedsNeitherIntensityNorDuration()
    {
        FaultSpec.TryCreate(new FaultRequest("crash", null, null), out var spec, out _).Should().BeTrue();

        spec!.Kind.Should().Be(FaultKind.Crash);
    }
}
