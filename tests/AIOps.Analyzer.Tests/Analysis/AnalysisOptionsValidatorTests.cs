using AIOps.Analyzer.Analysis;

namespace AIOps.Analyzer.Tests.Analysis;

public sealed class AnalysisOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeeds()
    {
        new AnalysisOptionsValidator().Validate(null, new AnalysisOptions()).Succeeded.Should().BeTrue();
    }

    [Theory]
    [InlineData(nameof(AnalysisOptions.RootCauseBaseline))]
    [InlineData(nameof(AnalysisOptions.RootCauseWindow))]
    [InlineData(nameof(AnalysisOptions.RootCauseInterval))]
    [InlineData(nameof(AnalysisOptions.RootCauseMaxSpans))]
    public void Validate_RootCauseSettingOutOfRange_FailsNamingIt(string setting)
    {
        var options = new AnalysisOptions();
        switch (setting)
        {
            case nameof(AnalysisOptions.RootCauseBaseline):
                options.RootCauseBaseline = TimeSpan.Zero;
                break;
            case nameof(AnalysisOptions.RootCauseWindow):
                options.RootCauseWindow = TimeSpan.FromDays(1);
                break;
            case nameof(AnalysisOptions.RootCauseInterval):
                options.RootCauseInterval = TimeSpan.FromSeconds(1);
                break;
            default:
                options.RootCauseMaxSpans = 10;
                break;
        }

        var result = new AnalysisOptionsValidator().Validate(null, options);

        result.Failed.Should().BeTrue();
        result.FailureMessage.Should().Contain(setting);
    }
}
