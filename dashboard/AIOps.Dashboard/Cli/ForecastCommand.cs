using System.CommandLine;
using System.Globalization;
using AIOps.Analyzer.Forecasting;

namespace AIOps.Dashboard.Cli;

/// <summary>aiops forecast: the next N steps of a user's series with a 95 % interval.</summary>
internal static class ForecastCommand
{
    public static Command Create()
    {
        var input = new Option<string>("--input") { Description = "CSV with a header and timestamp,value rows at a regular step", Required = true };
        var horizon = new Option<int>("--horizon") { Description = "Steps to forecast", Required = true };
        var output = new Option<string>("--output") { Description = "Where to write timestamp,forecast,lower,upper", Required = true };
        var forecaster = new Option<string>("--forecaster") { Description = "One of: " + string.Join(", ", ForecasterCatalog.Names), DefaultValueFactory = _ => "auto" };
        var command = new Command("forecast", "Forecast a time series with a 95 % prediction interval (the step is inferred from the input)") { input, horizon, output, forecaster };
        command.SetAction(result =>
        {
            var rows = TimeSeriesCsv.Read(result.GetRequiredValue(input));
            var steps = result.GetValue(horizon);
            if (steps is < 1 or > 100_000)
            {
                throw new ArgumentException("--horizon must be between 1 and 100000");
            }

            var deltas = rows.Zip(rows.Skip(1), (a, b) => (b.Time - a.Time).Ticks).Where(d => d > 0).Order().ToList();
            var step = TimeSpan.FromTicks(deltas[deltas.Count / 2]);
            var period = step <= TimeSpan.FromHours(1) ? (int)Math.Round(TimeSpan.FromDays(1) / step) : step == TimeSpan.FromDays(1) ? 7 : 1;
            var model = ForecasterCatalog.Create(result.GetValue(forecaster)!);
            var forecast = model.Fit([.. rows.Select(r => r.Value)], period, steps, 0.95);
            using var writer = new StreamWriter(result.GetRequiredValue(output));
            writer.Write("timestamp,forecast,lower,upper\n");
            for (var h = 0; h < steps; h++)
            {
                var time = rows[^1].Time + (step * (h + 1));
                writer.Write(string.Create(CultureInfo.InvariantCulture, $"{time:yyyy-MM-ddTHH:mm:ssZ},{forecast.Mean[h]:0.######},{forecast.Lower[h]:0.######},{forecast.Upper[h]:0.######}\n"));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{steps} steps of {step} forecast (seasonal period {period}, {(model as BacktestSelector)?.LastChoice ?? model.Name})"));
            return 0;
        });
        return command;
    }
}
