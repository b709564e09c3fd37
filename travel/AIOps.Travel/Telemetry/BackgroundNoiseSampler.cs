using System.Diagnostics;
using OpenTelemetry.Trace;

namespace AIOps.Travel.Telemetry;

/// <summary>
/// Samples every trace except root client spans: those are the process's own background calls
/// (registry heartbeats and watches), which are not user traffic and would drown the traces that are.
/// Used as the root sampler under <see cref="ParentBasedSampler"/>.
/// </summary>
internal sealed class BackgroundNoiseSampler : Sampler
{
    private static readonly SamplingResult s_drop = new(SamplingDecision.Drop);
    private static readonly SamplingResult s_sample = new(SamplingDecision.RecordAndSample);

    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters) =>
        samplingParameters.Kind == ActivityKind.Client ? s_drop : s_sample;
}
