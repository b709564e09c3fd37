using AIOps.Analyzer.Signals;

namespace AIOps.Analyzer.Tests.Signals;

public sealed class SignificanceRulesTests
{
    [Theory]
    [InlineData(Indicator.LatencyP95, 80, 40, true)]
    [InlineData(Indicator.LatencyP95, 58, 40, false)]
    [InlineData(Indicator.LatencyP99, 12, 4, false)]
    [InlineData(Indicator.ErrorRate, 0.08, 0.01, true)]
    [InlineData(Indicator.ErrorRate, 0.04, 0.01, false)]
    [InlineData(Indicator.RequestRate, 5, 20, true)]
    [InlineData(Indicator.RequestRate, 60, 20, false)]
    [InlineData(Indicator.RequestRate, 0, 0.2, false)]
    [InlineData(Indicator.Cpu, 1.2, 0.3, true)]
    [InlineData(Indicator.Memory, 400e6, 200e6, true)]
    [InlineData(Indicator.ThreadPoolQueue, 15, 0, false)]
    [InlineData(Indicator.ThreadPoolQueue, 32, 0, true)]
    public void IsSignificant_HarmfulDirectionAndSize_Decide(Indicator indicator, double value, double baseline, bool expected)
    {
        new SignificanceRules().IsSignificant(indicator, value, baseline).Should().Be(expected);
    }
}
