using Microsoft.Extensions.Options;

namespace AIOps.Collector.Otlp.Grpc;

/// <summary>Checks <see cref="OtlpGrpcOptions"/> against its DataAnnotations, generated at compile time.</summary>
[OptionsValidator]
public sealed partial class OtlpGrpcOptionsValidator : IValidateOptions<OtlpGrpcOptions>;
