using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using AIOps.Dashboard.Chaos;
using AIOps.Dashboard.Demo;

namespace AIOps.Dashboard.Cli;

/// <summary>
/// aiops eval chaos: starts the demo (host, travel platform, load), injects every applicable fault kind into every
/// service in an order and with timing drawn from a seed, and scores detection, root-cause rank and false incidents.
/// </summary>
internal static class EvalChaosCommand
{
    public static Command Create()
    {
        var seed = new Option<int?>("--seed") { Description = "Seeds the cases' order and timing (default: a random seed, printed)" };
        var cases = new Option<int?>("--cases") { Description = "Run only N of the plan's cases (a quick run)" };
        var from = new Option<int>("--from") { Description = "Start at the plan's Nth case: a long plan in parts", DefaultValueFactory = _ => 1 };
        var services = new Option<string>("--services") { Description = "Services to fault", DefaultValueFactory = _ => string.Join(',', ChaosCatalog.Services) };
        var kinds = new Option<string>("--kinds") { Description = "Fault kinds, each where it applies", DefaultValueFactory = _ => string.Join(',', ChaosCatalog.Kinds) };
        var faultSeconds = new Option<string>("--fault-seconds") { Description = "Each fault's duration, SECONDS or MIN-MAX drawn from the seed", DefaultValueFactory = _ => "60-90" };
        var quietSeconds = new Option<string>("--quiet-seconds") { Description = "Fault-free time before each fault, once the previous one has settled", DefaultValueFactory = _ => "30-60" };
        var qps = new Option<double>("--qps") { Description = "The demo's mean load in requests per second", DefaultValueFactory = _ => 40 };
        var dayMinutes = new Option<double>("--day-minutes") { Description = "Real minutes per simulated day; the first fault waits for one", DefaultValueFactory = _ => 15 };
        var flashSales = new Option<double>("--flash-sales-per-day") { Description = "Flash sales per simulated day", DefaultValueFactory = _ => 2 };
        var json = new Option<bool>("--json") { Description = "Print one JSON object" };
        var keepData = new Option<bool>("--keep-data") { Description = "Keep the demo's data and logs (the path is printed)" };
        var command = new Command("chaos", "Inject faults into the running travel platform: detection delay, root-cause AC@1/3/5 and incidents with no fault")
        {
            seed, cases, from, services, kinds, faultSeconds, quietSeconds, qps, dayMinutes, flashSales, json, keepData,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var planOptions = new ChaosPlanOptions
            {
                Seed = result.GetValue(seed) ?? Random.Shared.Next(1, 1_000_000),
                Services = List(result.GetRequiredValue(services)),
                Kinds = List(result.GetRequiredValue(kinds)),
                FaultSeconds = SecondsRange.Parse(result.GetValue(faultSeconds), "--fault-seconds"),
                QuietSeconds = SecondsRange.Parse(result.GetValue(quietSeconds), "--quiet-seconds"),
                From = result.GetValue(from),
                Limit = result.GetValue(cases),
            };
            var plan = ChaosPlan.Create(planOptions);
            var day = Between(result.GetValue(dayMinutes), 1, 1440, "--day-minutes");
            string[] demoOptions =
            [
                "--qps", Text(Between(result.GetValue(qps), 1, 5000, "--qps")), "--day-minutes", Text(day), "--start-hour", "0",
                "--flash-sales-per-day", Text(Between(result.GetValue(flashSales), 0, 24, "--flash-sales-per-day")),
                // Detection and ranking are measured on the platform as faults leave it: nothing heals it meanwhile.
                "--remediation", "off", "--capacity", "none",
            ];

            var started = Stopwatch.GetTimestamp();
            var keep = result.GetValue(keepData);
            var data = Directory.CreateTempSubdirectory("aiops-chaos-").FullName;
            await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"aiops eval chaos: seed {planOptions.Seed}, {ChaosReport.Cases(plan.Count)}, faults {planOptions.FaultSeconds} s, quiet {planOptions.QuietSeconds} s; data in {data}")).ConfigureAwait(false);
            ChaosRecording recording;
            try
            {
                await using var demo = DemoProcess.Start(DemoProcess.ThisAiops(), data, keep, demoOptions);
                var runner = new ChaosRunner(demo, new ChaosRunOptions { Season = TimeSpan.FromMinutes(day) }, TimeProvider.System, Console.Error);
                recording = await runner.RunAsync(planOptions.Seed, plan, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or HttpRequestException)
            {
                await Console.Error.WriteLineAsync($"error: {ex.Message} (seed {planOptions.Seed})").ConfigureAwait(false);
                return 1;
            }

            var evaluation = ChaosScorer.Score(recording);
            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            Console.WriteLine(result.GetValue(json) ? ChaosReport.ToJson(evaluation, seconds) : ChaosReport.ToTable(evaluation, seconds));
            if (keep)
            {
                await Console.Error.WriteLineAsync("data kept in " + data).ConfigureAwait(false);
            }

            // An incomplete run still reports the cases it ran, and fails.
            return evaluation.StoppedBecause is null ? 0 : 1;
        });
        return command;
    }

    private static string[] List(string text) => text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static double Between(double value, double min, double max, string option) => value >= min && value <= max
        ? value
        : throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{option} must be between {min} and {max}"));

    private static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);
}
