namespace AIOps.Dashboard.Model;

/// <summary>One service's own objective (<c>Dashboard:Objectives:Services:&lt;name&gt;</c>); what it leaves out is the default.</summary>
public sealed class ServiceObjectiveOverride
{
    /// <summary>Requests that must succeed, in percent.</summary>
    public double? Availability { get; set; }

    /// <summary>The p95 latency to stay under, in milliseconds.</summary>
    public double? LatencyP95Ms { get; set; }
}
