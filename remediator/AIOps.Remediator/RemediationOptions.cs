using System.ComponentModel.DataAnnotations;

namespace AIOps.Remediator;

/// <summary>The remediator's settings (section "Remediation"); validated at start.</summary>
public sealed class RemediationOptions
{
    public const string SectionName = "Remediation";

    /// <summary>Off by default: healing a platform is opted into, with a policy file.</summary>
    public bool Enabled { get; set; }

    /// <summary>The policy file (YAML); required when enabled.</summary>
    public string? PolicyFile { get; set; }

    /// <summary>Where the audit log (actions.jsonl) and the alert history (alerts.jsonl) are kept.</summary>
    [Required]
    public string DataDirectory { get; set; } = ".data";

    /// <summary>How often open incidents are matched and running actions checked.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often predictive scaling reads the demand.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan ScalingInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long the collector takes to settle a 10-second window: newer windows are not read yet.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan ScalingSettle { get; set; } = TimeSpan.FromSeconds(12);

    /// <summary>How long a new replica takes to serve: the rising trend is projected this far ahead.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:30:00")]
    public TimeSpan ScalingReaction { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Replicas are taken back only once the demand over this window allows it (Kubernetes HPA's default is 5 minutes).</summary>
    [Range(typeof(TimeSpan), "00:00:30", "01:00:00")]
    public TimeSpan ScaleInStabilization { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Alertmanager's address (e.g. http://127.0.0.1:9093/); null sends no alerts and holds no silences.</summary>
    public Uri? AlertmanagerUrl { get; set; }

    /// <summary>How often firing incidents are re-sent to Alertmanager (keep it below its resolve_timeout).</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan AlertResend { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The dashboard's address, for links in alerts.</summary>
    public Uri DashboardUrl { get; set; } = new("http://127.0.0.1:8080/");

    /// <summary>The bearer token Alertmanager's webhook sends; null leaves the webhook receiver unmapped.</summary>
    public string? WebhookToken { get; set; }

    /// <summary>Operators who may approve, reject and switch everything off: name -> bearer token.</summary>
    public Dictionary<string, string> Operators { get; set; } = [];
}
