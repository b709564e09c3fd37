using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using AIOps.Dashboard.Demo;
using AIOps.Dashboard.Healing;

namespace AIOps.Dashboard.Cli;

/// <summary>
/// aiops eval heal: starts the demo with its remediation policies and puts it through one scenario: a memory leak in
/// one hotel replica (healed by restarting it), or a flash sale (absorbed by scaling out ahead of it, then scaled back
/// in), or an hour of accelerated traffic with no fault (no incident, no action); reports time to detect, act and
/// recover, and for the sale the gateway's latency against its objective.
/// </summary>
internal static class EvalHealCommand
{
    public static Command Create()
    {
        var scenario = new Argument<string>("scenario") { Description = "leak, surge or quiet" };
        var minutes = new Option<double>("--minutes") { Description = "quiet: minutes watched once the analysis is warm", DefaultValueFactory = _ => 60 };
        var noRemediation = new Option<bool>("--no-remediation") { Description = "Run the scenario with nothing healing the platform: the comparison" };
        var objective = new Option<double>("--objective-ms") { Description = "The gateway's latency objective: p95 of every 10-second window", DefaultValueFactory = _ => 500 };
        var qps = new Option<double?>("--qps") { Description = "The demo's mean load (default: 40 for leak, 100 for surge)" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object" };
        var keepData = new Option<bool>("--keep-data") { Description = "Keep the demo's data and logs (the path is printed)" };
        var command = new Command("heal", "Put the demo through a memory leak, a flash sale or a quiet hour: time to detect, act and recover, the latency objective, false alarms")
        {
            scenario, noRemediation, objective, qps, minutes, json, keepData,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            if (!Enum.TryParse<HealScenario>(result.GetRequiredValue(scenario), ignoreCase: true, out var kind) || !Enum.IsDefined(kind))
            {
                await Console.Error.WriteLineAsync("error: scenario must be leak, surge or quiet").ConfigureAwait(false);
                return 2;
            }

            var options = new HealRunOptions { ObjectiveMs = result.GetValue(objective), QuietFor = TimeSpan.FromMinutes(Math.Clamp(result.GetValue(minutes), 1, 24 * 60)) };
            var remediation = !result.GetValue(noRemediation);
            var load = result.GetValue(qps) ?? (kind == HealScenario.Leak ? 40 : 100);
            if (options.ObjectiveMs is <= 0 or > 60_000 || load is < 1 or > 5000)
            {
                await Console.Error.WriteLineAsync("error: --objective-ms must be in (0, 60000] and --qps in [1, 5000]").ConfigureAwait(false);
                return 2;
            }

            // The leak runs in accelerated time at midday; the sale in real time, so that it ramps over three minutes as
            // sales do; the quiet hour as the chaos runs' quiet periods: a simulated day every 15 min, two flash sales a day.
            List<string> demoOptions = kind switch
            {
                HealScenario.Leak => ["--qps", Text(load), "--day-minutes", "60", "--start-hour", "12", "--flash-sales-per-day", "0"],
                HealScenario.Surge => ["--qps", Text(load), "--day-minutes", "1440", "--start-hour", "12", "--flash-sales-per-day", "0", "--flash-sale-at", Text(options.SaleAfter.TotalSeconds)],
                _ => ["--qps", Text(load), "--day-minutes", "15", "--start-hour", "0", "--flash-sales-per-day", "2"],
            };
            var data = Directory.CreateTempSubdirectory("aiops-heal-").FullName;
            if (!remediation)
            {
                demoOptions.AddRange(["--remediation", "off"]);
            }
            else if (kind == HealScenario.Surge && SurgePolicies(data) is { } policies)
            {
                demoOptions.AddRange(["--remediation", policies]);
            }

            if (kind == HealScenario.Surge)
            {
                demoOptions.AddRange(["--capacity", $"hotel={SurgeWorkers}x50,flight={SurgeWorkers}x50"]);
            }

            var started = Stopwatch.GetTimestamp();
            var keep = result.GetValue(keepData);
            await Console.Error.WriteLineAsync($"aiops eval heal: {kind.ToString().ToLowerInvariant()}, remediation {(remediation ? "on" : "off")}; data in {data}").ConfigureAwait(false);
            HealResult outcome;
            try
            {
                await using var demo = DemoProcess.Start(DemoProcess.ThisAiops(), data, keep, demoOptions);
                outcome = await new HealRunner(demo, options, remediation, TimeProvider.System, Console.Error).RunAsync(kind, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or HttpRequestException)
            {
                await Console.Error.WriteLineAsync("error: " + ex.Message).ConfigureAwait(false);
                return 1;
            }

            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            Console.WriteLine(result.GetValue(json) ? HealReport.ToJson(outcome, seconds) : HealReport.ToTable(outcome, seconds));
            return 0;
        });
        return command;
    }

    // The sale must outgrow two replicas for scaling to matter on one machine's CPU: the surge runs replicas of
    // 100 req/s (5 workers x 50 ms) rather than the demo's 240, and the shipped policies target 80 req/s a replica.
    private const int SurgeWorkers = 5;
    private const int SurgeTarget = 80;

    private static string? SurgePolicies(string data)
    {
        if (TravelLocator.ShippedPolicies() is not { } shipped)
        {
            return null;
        }

        var path = Path.Combine(data, "surge-policies.yaml");
        File.WriteAllText(path, Regex.Replace(File.ReadAllText(shipped), @"rate_per_replica:\s*[0-9.]+", $"rate_per_replica: {SurgeTarget}"));
        return path;
    }

    private static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);
}
