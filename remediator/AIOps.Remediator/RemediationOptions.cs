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

    /// <summary>Ended actions older than this move from the audit log into its compressed archive.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00")]
    public TimeSpan ActionRetention { get; set; } = TimeSpan.FromDays(90);

    /// <summary>Alertmanager notifications older than this move from the alert history into its archive.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00")]
    public TimeSpan AlertRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>When the daily report of the previous UTC day is written: a Quartz cron expression (UTC).</summary>
    [Required]
    public string DailyReportCron { get; set; } = "0 5 0 * * ?";

    /// <summary>The platform the actions change: "process" (the local processes the host supervises) or "kubernetes".</summary>
    [Required]
    public string Driver { get; set; } = "process";

    /// <summary>For the Kubernetes driver: a kubeconfig file (its current context); null uses the pod's service account.</summary>
    public string? Kubeconfig { get; set; }

    /// <summary>For the Kubernetes driver: the namespace of the services, when not the connection's own.</summary>
    public string? KubernetesNamespace { get; set; }

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
