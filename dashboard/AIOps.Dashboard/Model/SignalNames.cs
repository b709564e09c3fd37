using AIOps.Collector.Model;

namespace AIOps.Dashboard.Model;

/// <summary>How the dashboard names a signal's items.</summary>
public static class SignalNames
{
    public static string Of(Signal signal) => signal switch
    {
        Signal.Traces => "spans",
        Signal.Logs => "log records",
        _ => "metric samples",
    };
}
