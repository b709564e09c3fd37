using AIOps.Collector;
using AIOps.Collector.Ingestion;
using AIOps.Collector.Model;
using AIOps.Collector.Observability;
using AIOps.Collector.Query;
using AIOps.Collector.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace AIOps.Dashboard.Tests.Components;

/// <summary>
/// A collector store in a temporary folder, filled through the real ingest pipeline (so searches read what the
/// partitions hold and the collector's counters count it), with builders for spans and log records.
/// </summary>
internal sealed class SeededTelemetry : IDisposable
{
    private readonly Dictionary<(string, string), TelemetryResource> _resources = [];
    private readonly IngestPipeline _pipeline;

    public SeededTelemetry()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("aiops-ui-").FullName;
        Store = new TelemetryStore(new CollectorOptions { DataDirectory = Path.Combine(Directory, "store"), Durable = false }, TimeProvider.System);
        _pipeline = new IngestPipeline(Store, Metrics, TimeProvider.System, NullLogger<IngestPipeline>.Instance);
    }

    public string Directory { get; }

    /// <summary>When the test runs: data is placed before it, and pages render at it.</summary>
    public DateTimeOffset Now { get; } = DateTimeOffset.UtcNow;

    public TelemetryStore Store { get; }

    public CollectorMetrics Metrics { get; } = new();

    /// <summary>Registers the store, the collector's counters and the queries over them.</summary>
    public void Register(IServiceCollection services) =>
        services.AddSingleton(Store).AddSingleton(Metrics).AddSingleton(new TelemetryQueries(Store, TimeProvider.System));

    public async Task AddAsync(params SpanData[] spans)
    {
        var result = await _pipeline.IngestAsync(new TraceBatch(spans), CancellationToken.None);
        result.Accepted.Should().Be(spans.Length);
    }

    public async Task AddAsync(params LogData[] records)
    {
        var result = await _pipeline.IngestAsync(new LogBatch(records), CancellationToken.None);
        result.Accepted.Should().Be(records.Length);
    }

    public SpanData Span(TraceId trace, ulong id, ulong parent, string service, string name, DateTimeOffset start, double ms, SpanStatus status = SpanStatus.Unset, SpanKind kind = SpanKind.Server) => new()
    {
        Resource = Resource(service),
        Scope = new InstrumentationScope("test", null),
        TraceId = trace,
        SpanId = new SpanId(id),
        ParentSpanId = new SpanId(parent),
        Name = name,
        Kind = kind,
        StartUnixNano = QueryTime.ToUnixNanos(start),
        EndUnixNano = QueryTime.ToUnixNanos(start) + (long)(ms * 1e6),
        Status = status,
    };

    public LogData Log(string service, DateTimeOffset time, int severity, string body, TraceId trace = default, params KeyValue[] attributes) => new()
    {
        Resource = Resource(service),
        Scope = new InstrumentationScope("test", null),
        TimeUnixNano = QueryTime.ToUnixNanos(time),
        SeverityNumber = severity,
        Body = body,
        TraceId = trace,
        SpanId = trace.IsEmpty ? default : new SpanId(trace.Low),
        Attributes = attributes,
    };

    public static KeyValue Text(string key, string value) => new(key, AttributeValue.OfText(value));

    public void Dispose()
    {
        _pipeline.Dispose();
        Store.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }

    private TelemetryResource Resource(string service)
    {
        var key = (service, service + "-1");
        if (!_resources.TryGetValue(key, out var resource))
        {
            resource = new TelemetryResource([Text("service.name", service), Text("service.instance.id", key.Item2)]);
            _resources[key] = resource;
        }

        return resource;
    }
}
