using AIOps.Analyzer.Analysis;
using AIOps.Analyzer.Changes;
using AIOps.Analyzer.Incidents;
using AIOps.Analyzer.RootCause;
using AIOps.Analyzer.Signals;
using Signal = AIOps.Analyzer.Signals.Signal;
using AIOps.Collector;
using AIOps.Collector.Ingestion;
using AIOps.Collector.Model;
using AIOps.Collector.Observability;
using AIOps.Collector.Query;
using AIOps.Collector.Storage;
using AIOps.Dashboard.Hosting;
using AIOps.Dashboard.Model;
using AIOps.Dashboard.Platform;
using AIOps.Dashboard.Security;
using AIOps.Remediator.Actions;
using AIOps.Remediator.Drivers.Process;
using AIOps.Remediator.Policies;
using AIOps.Testing;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace AIOps.Dashboard.Tests.Components.Pages;

/// <summary>
/// The stores the health pages read, real and seeded, on a clock stopped at <see cref="Now"/>, in a temporary folder:
/// requests served (and calls between services) spread over the last half hour, incidents, remediation actions,
/// runtime metrics and changes; and the page rendered over them as the host would.
/// </summary>
internal sealed class SeededPlatform : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);

    private readonly string _directory = Directory.CreateTempSubdirectory("aiops-pages-").FullName;
    private ulong _nextId;

    public SeededPlatform()
    {
        Store = new TelemetryStore(new CollectorOptions { DataDirectory = Path.Combine(_directory, "store"), Durable = false }, Time);
        Queries = new TelemetryQueries(Store, Time);
        Incidents = new IncidentStore(Path.Combine(_directory, "incidents.db"));
        Actions = new ActionLog(Path.Combine(_directory, "actions.jsonl"));
        Analysis = new AnalysisOptions { DataDirectory = _directory };
        Forecasts = new RequestRateForecasts(Store, Analysis, Time, NullLogger<RequestRateForecasts>.Instance);
        Supervisor = new LocalProcessSupervisor(Time, NullLogger<LocalProcessSupervisor>.Instance, Changes);
    }

    public ManualTimeProvider Time { get; } = new(Now);

    public TelemetryStore Store { get; }

    public TelemetryQueries Queries { get; }

    public IncidentStore Incidents { get; }

    public ActionLog Actions { get; }

    public AnalysisOptions Analysis { get; }

    public RequestRateForecasts Forecasts { get; }

    public ChangeEventLog Changes { get; } = new();

    public LocalProcessSupervisor Supervisor { get; }

    public ServiceObjectives Objectives { get; } = new();

    /// <summary>Renders <typeparamref name="TPage"/> for a request of <paramref name="path"/> (with its query) over the last hour.</summary>
    public Task<string> RenderAsync<TPage>(string path = "/", IDictionary<string, object?>? parameters = null)
        where TPage : IComponent =>
        ComponentRenderer.RenderAsync<TPage>(ComponentRenderer.Request(Now, DashboardRoles.Viewer, path), services => Register(services, path), parameters);

    /// <summary>
    /// <paramref name="requests"/> requests to <paramref name="service"/>'s <paramref name="operation"/>, evenly over
    /// the last half hour, a share <paramref name="errorShare"/> of them failing, each taking <paramref name="ms"/>;
    /// made by <paramref name="caller"/> (a server span of its own calling through a client span) when given.
    /// </summary>
    public async Task ServeAsync(string service, string operation, int requests, double errorShare = 0, double ms = 20, string? caller = null, string? instance = null)
    {
        var spans = new List<SpanData>();
        var first = Now - TimeSpan.FromMinutes(30);
        for (var i = 0; i < requests; i++)
        {
            var start = QueryTime.ToUnixNanos(first + (TimeSpan.FromMinutes(30) * i / requests));
            var end = start + (long)(ms * 1_000_000);
            var failed = Math.Floor((i + 1) * errorShare) > Math.Floor(i * errorShare);
            var trace = new TraceId(0xda5b, ++_nextId);
            var parent = default(SpanId);
            if (caller is not null)
            {
                var root = new SpanId(++_nextId);
                parent = new SpanId(++_nextId);
                spans.Add(Span(caller, caller + "-1", trace, root, default, "GET /" + service, SpanKind.Server, start - 1_000_000, end + 1_000_000));
                spans.Add(Span(caller, caller + "-1", trace, parent, root, "GET", SpanKind.Client, start, end));
            }

            spans.Add(Span(service, instance ?? service + "-1", trace, new SpanId(++_nextId), parent, operation, SpanKind.Server, start, end, failed));
        }

        await IngestAsync(spans);
    }

    /// <summary>A span of <paramref name="service"/> named <paramref name="operation"/> at <paramref name="time"/>, carrying <paramref name="events"/>.</summary>
    public Task SpanWithEventsAsync(string service, string instance, string operation, DateTimeOffset time, params SpanEvent[] events)
    {
        var start = QueryTime.ToUnixNanos(time);
        return IngestAsync([Span(service, instance, new TraceId(0xfa17, ++_nextId), new SpanId(++_nextId), default, operation, SpanKind.Server, start, start + 2_000_000, events: events)]);
    }

    /// <summary>The working set of <paramref name="instance"/> of <paramref name="service"/>, every 10 s over the last 10 minutes.</summary>
    public async Task MemoryAsync(string service, string instance, double bytes)
    {
        var key = new SeriesKey(InstanceReport.MemoryMetric, [new Label("service", service), new Label("instance", instance)]);
        var samples = new List<MetricSample>();
        for (var t = Now - TimeSpan.FromMinutes(10); t < Now; t += TimeSpan.FromSeconds(10))
        {
            samples.Add(new MetricSample(key, t.ToUnixTimeMilliseconds(), bytes));
        }

        using var pipeline = new IngestPipeline(Store, new CollectorMetrics(), Time, NullLogger<IngestPipeline>.Instance);
        (await pipeline.IngestAsync(new MetricBatch(samples, []), CancellationToken.None)).Accepted.Should().Be(samples.Count);
    }

    /// <summary>An open incident about <paramref name="services"/>: a p95 signal on the first, started 10 minutes ago, ranked on <paramref name="cause"/>.</summary>
    public Incident OpenIncident(string id, string cause, params string[] services)
    {
        var signal = new Signal
        {
            Key = new IndicatorKey(services[0], null, Indicator.LatencyP95),
            StartedMs = (Now - TimeSpan.FromMinutes(10)).ToUnixTimeMilliseconds(),
            Baseline = 20,
            Peak = 900,
            Last = 850,
            Score = 0.9,
        };
        var incident = new Incident
        {
            Id = id,
            Status = IncidentStatus.Open,
            OpenedAt = Now - TimeSpan.FromMinutes(9),
            UpdatedAt = Now - TimeSpan.FromMinutes(1),
            Title = SignalText.Describe(signal),
            Services = services,
            Signals = [IncidentSignal.From(signal)],
            Timeline = [],
            Causes = [new RankedCause(cause, 0.87, "latency", "GET /hotels", cause + "-2", [])],
        };
        Incidents.Save([incident]);
        return incident;
    }

    /// <summary>A remediation action on <paramref name="service"/> created five minutes ago, now in <paramref name="state"/>.</summary>
    public RemediationAction Action(string id, string service, ActionState state)
    {
        var created = Now - TimeSpan.FromMinutes(5);
        var action = new RemediationAction
        {
            Id = id, Policy = "scale-on-load", Mode = RemediationMode.Approve, Type = RemediationActionType.ScaleOut, Service = service,
            Trigger = new ActionTrigger("incident", "i-1", "load up", []), Plan = new ActionPlan($"scale {service} from 1 to 2 replicas", 1, 2, []),
            State = ActionState.Proposed, CreatedAt = created, History = [new ActionTransition(ActionState.Proposed, created, "aiops", "matched")],
        };
        ActionState[] ladder = [ActionState.Approved, ActionState.Executing, ActionState.Verifying, ActionState.Succeeded];
        foreach (var next in state == ActionState.Rejected ? new[] { state } : ladder.Take(Array.IndexOf(ladder, state) + 1))
        {
            action = action.MoveTo(next, created.AddSeconds(30), "sre", "test");
        }

        Actions.Append(action);
        return action;
    }

    public async ValueTask DisposeAsync()
    {
        await Supervisor.DisposeAsync();
        Actions.Dispose();
        Incidents.Dispose();
        Store.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private void Register(IServiceCollection services, string path)
    {
        services.AddSupplyValueFromQueryProvider().AddSingleton<NavigationManager>(new AddressNavigation(path));
        services.AddSingleton(Store).AddSingleton(Queries).AddSingleton(Incidents).AddSingleton(Actions).AddSingleton(Forecasts)
            .AddSingleton(Changes).AddSingleton(Supervisor).AddSingleton(Objectives)
            .AddSingleton(new AnalysisEngine(Store, new IndicatorReader(Store, Queries, Analysis), Incidents, Analysis, Time, NullLogger<AnalysisEngine>.Instance))
            .AddSingleton(new RegistryReader(new HttpClient(), new AiopsHostOptions { DataDirectory = _directory }));
    }

    private async Task IngestAsync(List<SpanData> spans)
    {
        using var pipeline = new IngestPipeline(Store, new CollectorMetrics(), Time, NullLogger<IngestPipeline>.Instance);
        (await pipeline.IngestAsync(new TraceBatch(spans), CancellationToken.None)).Accepted.Should().Be(spans.Count);
    }

    private static SpanData Span(string service, string instance, TraceId trace, SpanId id, SpanId parent, string name, SpanKind kind, long start, long end, bool failed = false, IReadOnlyList<SpanEvent>? events = null) => new()
    {
        Resource = new TelemetryResource([new KeyValue("service.name", AttributeValue.OfText(service)), new KeyValue("service.instance.id", AttributeValue.OfText(instance))]),
        Scope = InstrumentationScope.None,
        TraceId = trace,
        SpanId = id,
        ParentSpanId = parent,
        Name = name,
        Kind = kind,
        StartUnixNano = start,
        EndUnixNano = end,
        Status = failed ? SpanStatus.Error : SpanStatus.Unset,
        Events = events ?? [],
    };
}
