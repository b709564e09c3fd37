using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using AIOps.Travel.Services.Contracts;

namespace AIOps.Travel.Load;

/// <summary>
/// An open-loop load generator: requests start on the schedule the traffic shape sets, whether or not
/// earlier ones have answered, so a slow platform shows as latency and errors rather than as a
/// quietly lower rate. Each request is the next step of some visitor's journey.
/// </summary>
public sealed class LoadGenerator(LoadOptions options, HttpClient http)
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);
    private static readonly TimeSpan s_tick = TimeSpan.FromMilliseconds(5);

    private readonly ConcurrentQueue<Journey> _waiting = new();
    private readonly ConcurrentDictionary<string, EndpointCounters> _endpoints = new(StringComparer.Ordinal);
    private readonly LatencyHistogram _latency = new();
    private readonly List<SecondCounters> _seconds = [];
    private readonly Random _random = new(options.Seed);
    private readonly Lock _gate = new();
    private IReadOnlyList<City> _cities = [];
    private long _sent;
    private long _completed;
    private long _errors;
    private long _clientErrors;
    private long _dropped;
    private int _inFlight;
    private long _startTimestamp;

    /// <summary>Runs until the duration ends or <paramref name="cancellationToken"/> fires; <paramref name="onSecond"/> sees each finished second.</summary>
    public async Task<LoadReport> RunAsync(Action<SecondStats>? onSecond, CancellationToken cancellationToken)
    {
        var catalog = await http.GetFromJsonAsync<CatalogInfo>(new Uri(options.Target, "api/catalog"), s_json, cancellationToken).ConfigureAwait(false);
        _cities = catalog?.Cities is { Count: > 1 } cities ? cities : throw new InvalidOperationException("the gateway's /api/catalog returned no cities");

        var bounded = options.Duration > TimeSpan.Zero;
        var simSpanHours = bounded ? options.Duration.TotalHours * options.Acceleration : 24 * 7;
        var simEnd = options.StartHours + simSpanHours;
        IReadOnlyList<FlashSale> sales =
        [
            .. TrafficShape.RandomFlashSales(_random, options.StartHours, bounded ? simEnd : options.StartHours + (24 * 365), options.FlashSalesPerDay),
            .. options.AnnouncedFlashSales(),
        ];
        var shape = new TrafficShape(sales);
        var norm = shape.Mean(options.StartHours, simEnd);

        _startTimestamp = Stopwatch.GetTimestamp();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        double cumulativeBefore = 0;
        double rate = 0;
        var second = -1;
        long issued = 0;
        using var timer = new PeriodicTimer(s_tick);
        try
        {
            while (true)
            {
                var elapsed = Stopwatch.GetElapsedTime(_startTimestamp).TotalSeconds;
                if (bounded && elapsed >= options.Duration.TotalSeconds)
                {
                    break;
                }

                while ((int)elapsed > second)
                {
                    if (second >= 0)
                    {
                        cumulativeBefore += rate;
                        onSecond?.Invoke(Snapshot(second));
                    }

                    second++;
                    var simHours = SimHours(second + 0.5);
                    var noise = Math.Exp(options.Noise * NextGaussian());
                    // The shape's mean over this second, not its value at one instant: at high
                    // acceleration a flash sale can be shorter than a second.
                    rate = options.TargetQps * shape.Mean(SimHours(second), SimHours(second + 1), 32) / norm * noise;
                    lock (_gate)
                    {
                        _seconds.Add(new SecondCounters(SimLabel(simHours), rate, sales.Any(s => s.IsActive(simHours))));
                    }
                }

                var due = (long)Math.Floor(cumulativeBefore + (rate * (elapsed - second))) - issued;
                for (var i = 0; i < due; i++)
                {
                    Issue(today, second, cancellationToken);
                }

                issued += Math.Max(0, due);
                await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped by the user: report what ran.
        }

        var drainUntil = Stopwatch.GetTimestamp() + (long)(options.RequestTimeout.TotalSeconds * Stopwatch.Frequency);
        while (Volatile.Read(ref _inFlight) > 0 && Stopwatch.GetTimestamp() < drainUntil)
        {
            await Task.Delay(20, CancellationToken.None).ConfigureAwait(false);
        }

        if (second >= 0)
        {
            onSecond?.Invoke(Snapshot(second));
        }

        return Report(Stopwatch.GetElapsedTime(_startTimestamp).TotalSeconds, issued, sales);
    }

    private double SimHours(double realSeconds) => options.StartHours + (realSeconds * options.Acceleration / 3600);

    private static string SimLabel(double hours)
    {
        var hourOfWeek = hours % 168;
        var day = (DayOfWeek)(((int)(hourOfWeek / 24) + 1) % 7);
        var time = TimeSpan.FromHours(hourOfWeek % 24);
        return string.Create(CultureInfo.InvariantCulture, $"{day.ToString()[..3]} {time.Hours:D2}:{time.Minutes:D2}");
    }

    private void Issue(DateOnly today, int second, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _inFlight) > options.MaxInFlight)
        {
            Interlocked.Decrement(ref _inFlight);
            Interlocked.Increment(ref _dropped);
            return;
        }

        bool flashSale;
        lock (_gate)
        {
            flashSale = _seconds[second].FlashSale;
        }

        Journey? journey = null;
        LoadRequest? request = null;
        while (request is null)
        {
            if (!_waiting.TryDequeue(out journey))
            {
                lock (_gate)
                {
                    journey = new Journey(PickKind(flashSale), new Random(_random.Next()), _cities, today, flashSale);
                }
            }

            request = journey.Next();
        }

        Interlocked.Increment(ref _sent);
        Count(second, c => c.Sent++);
        _ = SendAsync(journey!, request, cancellationToken);
    }

    private JourneyKind PickKind(bool flashSale)
    {
        var draw = _random.NextDouble();
        return flashSale
            ? draw < 0.35 ? JourneyKind.Browse : draw < 0.6 ? JourneyKind.Quote : draw < 0.95 ? JourneyKind.Book : JourneyKind.LookUp
            : draw < 0.45 ? JourneyKind.Browse : draw < 0.7 ? JourneyKind.Quote : draw < 0.92 ? JourneyKind.Book : JourneyKind.LookUp;
    }

    private async Task SendAsync(Journey journey, LoadRequest request, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var status = 0;
        string? body = null;
        try
        {
            using var message = new HttpRequestMessage(request.Method, new Uri(options.Target, request.Path.TrimStart('/')));
            message.Headers.TryAddWithoutValidation("X-Forwarded-For", journey.ClientAddress);
            if (request.Body is not null)
            {
                message.Content = JsonContent.Create(request.Body, request.Body.GetType(), options: s_json);
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.RequestTimeout);
            using var response = await http.SendAsync(message, timeout.Token).ConfigureAwait(false);
            status = (int)response.StatusCode;
            body = await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
            status = 0;
        }

        var elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        _latency.Record(elapsedMs);
        var endpoint = _endpoints.GetOrAdd(request.Endpoint, _ => new EndpointCounters());
        endpoint.Latency.Record(elapsedMs);
        Interlocked.Increment(ref endpoint.Count);
        var isError = status is 0 or >= 500;
        var isClientError = status is >= 400 and < 500;
        if (isError)
        {
            Interlocked.Increment(ref _errors);
            Interlocked.Increment(ref endpoint.Errors);
        }
        else if (isClientError)
        {
            Interlocked.Increment(ref _clientErrors);
            Interlocked.Increment(ref endpoint.ClientErrors);
        }

        Interlocked.Increment(ref _completed);
        var second = (int)Stopwatch.GetElapsedTime(_startTimestamp).TotalSeconds;
        Count(second, c =>
        {
            c.Completed++;
            c.Errors += isError ? 1 : 0;
        });
        try
        {
            journey.Observe(request, status, body);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            // An answer the journey cannot read ends the journey; the call is counted already.
        }

        if (!journey.IsDone)
        {
            _waiting.Enqueue(journey);
        }

        Interlocked.Decrement(ref _inFlight);
    }

    private void Count(int second, Action<SecondCounters> update)
    {
        lock (_gate)
        {
            if (second >= 0 && second < _seconds.Count)
            {
                update(_seconds[second]);
            }
        }
    }

    private SecondStats Snapshot(int second)
    {
        lock (_gate)
        {
            var c = _seconds[second];
            return new SecondStats(second, c.SimulatedTime, Math.Round(c.Expected, 1), c.Sent, c.Completed, c.Errors, c.FlashSale);
        }
    }

    private LoadReport Report(double seconds, long scheduled, IReadOnlyList<FlashSale> sales)
    {
        List<SecondStats> perSecond;
        lock (_gate)
        {
            perSecond = [.. Enumerable.Range(0, _seconds.Count).Select(Snapshot)];
        }

        var endpoints = _endpoints.OrderBy(e => e.Key, StringComparer.Ordinal)
            .Select(e => new EndpointStats(e.Key, e.Value.Count, e.Value.Errors, e.Value.ClientErrors, Round(e.Value.Latency.Percentile(0.5)), Round(e.Value.Latency.Percentile(0.95)), Round(e.Value.Latency.Percentile(0.99))))
            .ToList();
        var completed = Interlocked.Read(ref _completed);
        return new LoadReport(
            Math.Round(seconds, 2), options.TargetQps, scheduled, Interlocked.Read(ref _sent), completed, Interlocked.Read(ref _errors), Interlocked.Read(ref _clientErrors), Interlocked.Read(ref _dropped),
            Math.Round(completed / seconds, 2), completed == 0 ? 0 : Math.Round((double)Interlocked.Read(ref _errors) / completed, 5),
            Round(_latency.Percentile(0.5)), Round(_latency.Percentile(0.9)), Round(_latency.Percentile(0.95)), Round(_latency.Percentile(0.99)), Round(_latency.MaxMs),
            endpoints, perSecond, sales.Where(s => s.StartHours < SimHours(seconds)).ToList());
    }

    private double NextGaussian()
    {
        lock (_gate)
        {
            var u1 = 1.0 - _random.NextDouble();
            var u2 = _random.NextDouble();
            return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
        }
    }

    private static double Round(double value) => Math.Round(value, 2);

    private sealed class SecondCounters(string simulatedTime, double expected, bool flashSale)
    {
        public string SimulatedTime { get; } = simulatedTime;

        public double Expected { get; } = expected;

        public bool FlashSale { get; } = flashSale;

        public long Sent { get; set; }

        public long Completed { get; set; }

        public long Errors { get; set; }
    }

    private sealed class EndpointCounters
    {
        public readonly LatencyHistogram Latency = new();
        public long Count;
        public long Errors;
        public long ClientErrors;
    }
}
