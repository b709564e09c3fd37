using System.Globalization;
using AIOps.Analyzer.Signals;

namespace AIOps.Analyzer.Incidents;

/// <summary>A signal in one line of plain words, with its values in the indicator's unit.</summary>
public static class SignalText
{
    public static string Describe(Signal signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        var key = signal.Key;
        var what = key.Indicator switch
        {
            Indicator.RequestRate => "request rate down",
            Indicator.ErrorRate => "error rate up",
            Indicator.LatencyP95 => "p95 latency up",
            Indicator.LatencyP99 => "p99 latency up",
            Indicator.Cpu => "CPU up",
            Indicator.Memory => "memory up",
            _ => "thread pool queue up",
        };
        var where = key.Operation is null ? key.Service : $"{key.Service} ({key.Operation})";
        return $"{what} on {where}: {Format(key.Indicator, signal.Peak)} against {Format(key.Indicator, signal.Baseline)}";
    }

    public static string Format(Indicator indicator, double value) => indicator switch
    {
        Indicator.RequestRate => string.Create(CultureInfo.InvariantCulture, $"{value:0.##} req/s"),
        Indicator.ErrorRate => string.Create(CultureInfo.InvariantCulture, $"{value * 100:0.#} %"),
        Indicator.LatencyP95 or Indicator.LatencyP99 => string.Create(CultureInfo.InvariantCulture, $"{value:0.#} ms"),
        Indicator.Cpu => string.Create(CultureInfo.InvariantCulture, $"{value:0.##} cores"),
        Indicator.Memory => string.Create(CultureInfo.InvariantCulture, $"{value / (1024 * 1024):0} MiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{value:0} items"),
    };
}
