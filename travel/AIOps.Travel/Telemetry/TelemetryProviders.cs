using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace AIOps.Travel.Telemetry;

/// <summary>The process's tracer and meter providers; disposing flushes what they hold.</summary>
internal sealed class TelemetryProviders(TracerProvider? tracer, MeterProvider? meter) : IDisposable
{
    public void Dispose()
    {
        tracer?.Dispose();
        meter?.Dispose();
    }
}
