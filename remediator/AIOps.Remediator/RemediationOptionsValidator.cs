using AIOps.Remediator.Drivers.Kubernetes;
using AIOps.Remediator.Policies;
using Microsoft.Extensions.Options;

namespace AIOps.Remediator;

/// <summary>Checks <see cref="RemediationOptions"/> at start: ranges, the policy file itself, and tokens long enough to guess at.</summary>
[OptionsValidator]
public sealed partial class RemediationOptionsValidator : IValidateOptions<RemediationOptions>
{
    public const int MinTokenLength = 16;

    ValidateOptionsResult IValidateOptions<RemediationOptions>.Validate(string? name, RemediationOptions options)
    {
        var result = Validate(name, options);
        if (result.Failed)
        {
            return result;
        }

        var failures = new List<string>();
        if (options.Enabled && string.IsNullOrWhiteSpace(options.PolicyFile))
        {
            failures.Add("Remediation:PolicyFile is required when Remediation:Enabled is true");
        }
        else if (options.Enabled)
        {
            try
            {
                PolicyFileReader.ReadFile(options.PolicyFile!);
            }
            catch (PolicyFileException ex)
            {
                failures.Add("Remediation:PolicyFile: " + ex.Message);
            }
        }

        if (options.Driver is not ("process" or "kubernetes"))
        {
            failures.Add($"Remediation:Driver must be process or kubernetes, not '{options.Driver}'");
        }
        else if (options.Enabled && options.Driver == "kubernetes")
        {
            try
            {
                _ = KubernetesDriver.Connection(options);
            }
            catch (Exception ex) when (ex is InvalidOperationException or IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
            {
                failures.Add("Remediation:Driver kubernetes: " + ex.Message);
            }
        }

        try
        {
            _ = new Quartz.CronExpression(options.DailyReportCron);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            failures.Add($"Remediation:DailyReportCron '{options.DailyReportCron}' is not a Quartz cron expression (seconds minutes hours day-of-month month day-of-week): {ex.Message}");
        }

        if (options.WebhookToken is { Length: < MinTokenLength })
        {
            failures.Add($"Remediation:WebhookToken must be at least {MinTokenLength} characters");
        }

        failures.AddRange(options.Operators.Where(o => o.Value.Length < MinTokenLength).Select(o => $"Remediation:Operators:{o.Key} must be a token of at least {MinTokenLength} characters"));
        if (options.Operators.Values.Distinct(StringComparer.Ordinal).Count() != options.Operators.Count)
        {
            failures.Add("Remediation:Operators: two operators share a token; the audit log could not tell them apart");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
