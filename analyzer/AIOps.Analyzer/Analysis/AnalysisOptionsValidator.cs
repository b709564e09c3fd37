using Microsoft.Extensions.Options;

namespace AIOps.Analyzer.Analysis;

/// <summary>Validates <see cref="AnalysisOptions"/> at start; a wrong setting fails with its name.</summary>
[OptionsValidator]
public sealed partial class AnalysisOptionsValidator : IValidateOptions<AnalysisOptions>
{
}
