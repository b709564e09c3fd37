using System.CommandLine;
using System.Globalization;
using AIOps.Analyzer.Detection;

namespace AIOps.Dashboard.Cli;

/// <summary>aiops detect: scores every row of a user's series with the default detector.</summary>
internal static class DetectCommand
{
    /// <summary>The score at and above which a row is called anomalous: the ensemble's calibrated alert level.</summary>
    public const double Threshold = 0.5;

    public static Command Create()
    {
        var input = new Option<string>("--input") { Description = "CSV with a header and timestamp,value rows", Required = true };
        var output = new Option<string>("--output") { Description = "Where to write timestamp,value,score,anomaly", Required = true };
        var command = new Command("detect", "Anomaly scores for a time series (causal: each row scored from the rows before it)") { input, output };
        command.SetAction(result =>
        {
            var rows = TimeSeriesCsv.Read(result.GetRequiredValue(input));
            var detector = EnsembleDetector.CreateDefault();
            using var writer = new StreamWriter(result.GetRequiredValue(output));
            writer.Write("timestamp,value,score,anomaly\n");
            var anomalies = 0;
            foreach (var (time, raw, value) in rows)
            {
                var score = detector.Update(time.ToUnixTimeMilliseconds(), value);
                var anomaly = score >= Threshold ? 1 : 0;
                anomalies += anomaly;
                writer.Write(string.Create(CultureInfo.InvariantCulture, $"{raw},{value},{score:0.######},{anomaly}\n"));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{rows.Count} rows scored, {anomalies} anomalous (score >= {Threshold})"));
            return 0;
        });
        return command;
    }
}
