using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using AIOps.Travel.Load;

namespace AIOps.Travel.Cli;

/// <summary>travel load: user journeys against the gateway with a daily and weekly traffic shape and flash sales.</summary>
internal static class LoadCommand
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web) { WriteIndented = false };

    public static Command Create()
    {
        var target = new Option<string>("--target") { Description = "The gateway", DefaultValueFactory = _ => "http://127.0.0.1:5000/" };
        var qps = new Option<double>("--qps") { Description = "Mean requests per second over the run", DefaultValueFactory = _ => 50 };
        var duration = new Option<double>("--duration") { Description = "Seconds to run; 0 runs until Ctrl-C", DefaultValueFactory = _ => 0 };
        var dayMinutes = new Option<double>("--day-minutes") { Description = "Real minutes per simulated day (1440 = real time)", DefaultValueFactory = _ => 1440 };
        var startHour = new Option<double?>("--start-hour") { Description = "Simulated start in hours since Monday 00:00 (default: now, UTC)" };
        var flash = new Option<double>("--flash-sales-per-day") { Description = "Flash sales per simulated day", DefaultValueFactory = _ => 1 };
        var flashAt = new Option<double[]>("--flash-sale-at") { Description = "A flash sale this many real seconds after the start (repeatable), besides the random ones", AllowMultipleArgumentsPerToken = true };
        var noise = new Option<double>("--noise") { Description = "Per-second noise (standard deviation of a multiplicative log-normal)", DefaultValueFactory = _ => 0.08 };
        var seed = new Option<int>("--seed") { Description = "Random seed (journeys, noise, flash-sale times)", DefaultValueFactory = _ => 42 };
        var maxInFlight = new Option<int>("--max-in-flight") { Description = "Requests in flight beyond which new ones are dropped and counted", DefaultValueFactory = _ => 2000 };
        var interval = new Option<double>("--report-interval") { Description = "Seconds between progress lines", DefaultValueFactory = _ => 10 };
        var json = new Option<bool>("--json") { Description = "Print the final report, per-second counts included, as one JSON object" };
        var parentPid = CommonOptions.ParentPid();
        var command = new Command("load", "Generate user-journey traffic against the gateway")
        {
            target, qps, duration, dayMinutes, startHour, flash, flashAt, noise, seed, maxInFlight, interval, json, parentPid,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var now = DateTime.UtcNow;
            var options = new LoadOptions
            {
                Target = CommonOptions.Url(result.GetRequiredValue(target), "--target"),
                TargetQps = result.GetValue(qps),
                Duration = TimeSpan.FromSeconds(result.GetValue(duration)),
                DayMinutes = result.GetValue(dayMinutes),
                StartHours = result.GetValue(startHour) ?? ((((int)now.DayOfWeek + 6) % 7 * 24) + now.TimeOfDay.TotalHours),
                FlashSalesPerDay = result.GetValue(flash),
                FlashSalesAt = [.. (result.GetValue(flashAt) ?? []).Select(TimeSpan.FromSeconds)],
                Noise = result.GetValue(noise),
                Seed = result.GetValue(seed),
                MaxInFlight = result.GetValue(maxInFlight),
            };
            if (options.Validate() is { } error)
            {
                await Console.Error.WriteLineAsync("error: " + error).ConfigureAwait(false);
                return 2;
            }

            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            if (result.GetValue(parentPid) is { } parent)
            {
                _ = Hosting.ParentProcessWatcher.CancelWhenGoneAsync(parent, stop);
            }

            using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 1024, PooledConnectionLifetime = TimeSpan.FromMinutes(5), ConnectTimeout = TimeSpan.FromSeconds(3) };
            using var http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
            var generator = new LoadGenerator(options, http);
            var every = Math.Max(1, (int)result.GetValue(interval));
            var window = new List<SecondStats>();
            var output = result.GetValue(json) ? Console.Error : Console.Out;
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"load: {options.TargetQps} req/s mean against {options.Target}, a simulated day every {options.DayMinutes} min, {(options.Duration > TimeSpan.Zero ? options.Duration.TotalSeconds + " s" : "until Ctrl-C")}")).ConfigureAwait(false);
            var report = await generator.RunAsync(second =>
            {
                window.Add(second);
                if (window.Count >= every)
                {
                    output.WriteLine(Progress(window));
                    window.Clear();
                }
            }, stop.Token).ConfigureAwait(false);
            if (result.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(report, s_json));
            }
            else
            {
                Console.WriteLine(Summary(report));
            }

            return 0;
        });
        return command;
    }

    private static string Progress(List<SecondStats> window) => string.Create(CultureInfo.InvariantCulture,
        $"[{window[^1].Second + 1,5}s] sim {window[0].SimulatedTime}  expected {window.Average(s => s.Expected),7:F1}/s  achieved {window.Average(s => s.Completed),7:F1}/s  errors {window.Sum(s => s.Errors),4}{(window.Any(s => s.FlashSale) ? "  FLASH SALE" : string.Empty)}");

    private static string Summary(LoadReport r)
    {
        var lines = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"duration {r.DurationSeconds:F1} s, target {r.TargetQps:F1} req/s, achieved {r.AchievedQps:F1} req/s ({r.Completed} of {r.Scheduled} scheduled; {r.Dropped} dropped)"),
            string.Create(CultureInfo.InvariantCulture, $"latency ms: p50 {r.P50Ms:F1}  p90 {r.P90Ms:F1}  p95 {r.P95Ms:F1}  p99 {r.P99Ms:F1}  max {r.MaxMs:F1}"),
            string.Create(CultureInfo.InvariantCulture, $"errors (5xx and transport): {r.Errors} ({r.ErrorRate:P2}); client errors (4xx): {r.ClientErrors}"),
            "endpoint           calls   errors  4xx     p50 ms   p95 ms   p99 ms",
        };
        lines.AddRange(r.Endpoints.Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Endpoint,-18} {e.Count,7} {e.Errors,7} {e.ClientErrors,5} {e.P50Ms,9:F1} {e.P95Ms,8:F1} {e.P99Ms,8:F1}")));
        return string.Join(Environment.NewLine, lines);
    }
}
