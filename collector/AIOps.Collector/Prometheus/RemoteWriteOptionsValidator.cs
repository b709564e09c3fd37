using Microsoft.Extensions.Options;

namespace AIOps.Collector.Prometheus;

/// <summary>Checks <see cref="RemoteWriteOptions"/> at start (source-generated from its annotations).</summary>
[OptionsValidator]
public sealed partial class RemoteWriteOptionsValidator : IValidateOptions<RemoteWriteOptions>;
