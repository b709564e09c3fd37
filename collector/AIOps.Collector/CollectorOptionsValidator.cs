using Microsoft.Extensions.Options;

namespace AIOps.Collector;

/// <summary>Validates <see cref="CollectorOptions"/> at start; a wrong setting fails with its name.</summary>
[OptionsValidator]
public sealed partial class CollectorOptionsValidator : IValidateOptions<CollectorOptions>
{
}
