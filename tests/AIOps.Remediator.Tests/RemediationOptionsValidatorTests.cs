using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AIOps.Remediator.Tests;

public sealed class RemediationOptionsValidatorTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("aiops-options-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static RemediationOptions Resolve(Action<RemediationOptions> configure)
    {
        var services = new ServiceCollection();
        services.AddLogging().AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddRemediator(configure);
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<RemediationOptions>>().Value;
    }

    [Fact]
    public void Validate_APolicyFileThatDoesNotRead_FailsWithItsLine()
    {
        var path = Path.Combine(_directory, "policies.yaml");
        File.WriteAllText(path, "policies:\n  - name: p\n    mode: yolo\n    action:\n      type: scale-out\n");

        var resolve = () => Resolve(o => { o.Enabled = true; o.PolicyFile = path; o.DataDirectory = _directory; });

        resolve.Should().Throw<OptionsValidationException>().Which.Message.Should().Contain("Remediation:PolicyFile: policies.yaml:3:11: policies[0].mode: unknown 'yolo'");
    }

    [Theory]
    [InlineData(true, null, null, null, "Remediation:PolicyFile is required")]
    [InlineData(false, null, "short", null, "Remediation:WebhookToken must be at least 16 characters")]
    [InlineData(false, null, null, "tiny", "Remediation:Operators:alice must be a token of at least 16 characters")]
    public void Validate_BadSettings_FailNamingThem(bool enabled, string? policyFile, string? webhookToken, string? aliceToken, string message)
    {
        var resolve = () => Resolve(o =>
        {
            o.Enabled = enabled;
            o.PolicyFile = policyFile;
            o.WebhookToken = webhookToken;
            o.DataDirectory = _directory;
            if (aliceToken is not null)
            {
                o.Operators["alice"] = aliceToken;
            }
        });

        resolve.Should().Throw<OptionsValidationException>().Which.Message.Should().Contain(message);
    }

    [Fact]
    public void Validate_TwoOperatorsOneToken_Fails()
    {
        var resolve = () => Resolve(o => { o.DataDirectory = _directory; o.Operators["alice"] = "0123456789abcdef"; o.Operators["bob"] = "0123456789abcdef"; });

        resolve.Should().Throw<OptionsValidationException>().Which.Message.Should().Contain("two operators share a token");
    }

    [Fact]
    public void Validate_UnknownDriver_OrAKubeconfigThatDoesNotRead_FailsNamingIt()
    {
        var policies = Path.Combine(AppContext.BaseDirectory, "policies.yaml");
        var docker = () => Resolve(o => { o.DataDirectory = _directory; o.Driver = "docker"; });
        var kubeconfig = () => Resolve(o => { o.DataDirectory = _directory; o.Enabled = true; o.PolicyFile = policies; o.Driver = "kubernetes"; o.Kubeconfig = Path.Combine(_directory, "missing.yaml"); });

        docker.Should().Throw<OptionsValidationException>().Which.Message.Should().Contain("Remediation:Driver must be process or kubernetes, not 'docker'");
        kubeconfig.Should().Throw<OptionsValidationException>().Which.Message.Should().Contain("Remediation:Driver kubernetes:").And.Contain("missing.yaml");
    }

    [Fact]
    public void Validate_BadCron_FailsNamingIt()
    {
        var resolve = () => Resolve(o => { o.DataDirectory = _directory; o.DailyReportCron = "every morning"; });

        resolve.Should().Throw<OptionsValidationException>().Which.Message.Should().Contain("Remediation:DailyReportCron 'every morning' is not a Quartz cron expression");
    }

    [Fact]
    public void Validate_TheShippedPolicies_Pass()
    {
        Resolve(o => { o.Enabled = true; o.PolicyFile = Path.Combine(AppContext.BaseDirectory, "policies.yaml"); o.DataDirectory = _directory; })
            .Enabled.Should().BeTrue();
    }
}
