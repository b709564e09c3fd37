using AIOps.Remediator.Policies;

namespace AIOps.Remediator.Tests.Policies;

public sealed class PolicyFileReaderTests
{
    private static string Shipped => Path.Combine(AppContext.BaseDirectory, "policies.yaml");

    [Fact]
    public void ReadFile_TheShippedPolicies_AreValidAndCoverEveryAction()
    {
        var set = PolicyFileReader.ReadFile(Shipped);

        set.KillSwitch.Should().BeFalse();
        set.Limits.Should().BeEquivalentTo(new SafetyLimits { ActionsPerHour = 12, ActionsPerHourPerService = 6, ConcurrentServices = 1, ApprovalExpiry = TimeSpan.FromMinutes(15) });
        set.Policies.Select(p => p.Action.Type).Should().BeEquivalentTo(Enum.GetValues<RemediationActionType>().Concat([RemediationActionType.RestartInstance]));
        set.Freezes.Should().ContainSingle().Which.Contains(new DateTimeOffset(2026, 12, 25, 12, 0, 0, TimeSpan.Zero)).Should().BeTrue();
    }

    [Fact]
    public void Read_APolicy_EveryFieldAsWritten()
    {
        const string Yaml = """
            policies:
              - name: scale-hotel
                mode: approve
                match:
                  services: hotel
                  cause_indicators: [latency, cpu]
                  signals: [LatencyP95]
                  severities: [critical, warning]
                  sources: [incident]
                action:
                  type: scale-out
                  replicas: x2
                  min_replicas: 2
                  max_replicas: 8
                cooldown: 90s
                verify_within: 4m
            """;

        var policy = PolicyFileReader.Read(Yaml).Policies.Should().ContainSingle().Subject;

        policy.Should().BeEquivalentTo(new
        {
            Name = "scale-hotel",
            Mode = RemediationMode.Approve,
            Cooldown = TimeSpan.FromSeconds(90),
            VerifyWithin = TimeSpan.FromMinutes(4),
            Line = 2,
        });
        policy.Match.Should().BeEquivalentTo(new PolicyMatch
        {
            Services = ["hotel"],
            CauseIndicators = ["latency", "cpu"],
            Signals = ["LatencyP95"],
            Severities = ["critical", "warning"],
            Sources = ["incident"],
        });
        policy.Action.Should().BeEquivalentTo(new { Type = RemediationActionType.ScaleOut, Replicas = new ReplicaChange(0, 2), MinReplicas = 2, MaxReplicas = 8 });
    }

    [Fact]
    public void Read_Defaults_ShadowModeAndOneReplicaPerScaleOut()
    {
        var policy = PolicyFileReader.Read("policies:\n  - name: p\n    action:\n      type: scale-out\n").Policies.Single();

        policy.Mode.Should().Be(RemediationMode.Shadow, "a policy nobody set a mode for only records what it would do");
        policy.Action.Replicas.Should().Be(new ReplicaChange(1, 0));
        policy.Match.Services.Should().BeEmpty();
    }

    [Theory]
    [InlineData("policies:\n  - name: p\n    mode: yolo\n    action:\n      type: scale-out\n", "policies.yaml:3:11: policies[0].mode: unknown 'yolo'; expected one of off, shadow, approve, auto")]
    [InlineData("policies:\n  - name: p\n    action:\n      type: restrat\n", "policies.yaml:4:13: policies[0].action.type: unknown 'restrat'")]
    [InlineData("policies:\n  - name: p\n    action:\n      type: scale-out\n      replicas: \"-1\"\n", "policies.yaml:5:17: policies[0].action.replicas: '-1' is not a replica change")]
    [InlineData("policies:\n  - name: p\n    colldown: 5m\n    action:\n      type: scale-out\n", "policies.yaml:3:5: policies[0].colldown: unknown key 'colldown'")]
    [InlineData("policies:\n  - name: p\n    cooldown: soon\n    action:\n      type: scale-out\n", "policies.yaml:3:15: policies[0].cooldown: 'soon' is not a duration")]
    [InlineData("policies:\n  - mode: auto\n    action:\n      type: scale-out\n", "policies.yaml:2:5: policies[0]: 'name' is required")]
    [InlineData("policies:\n  - name: p\n", "policies.yaml:2:5: policies[0]: 'action' is required")]
    [InlineData("policies:\n  - name: p\n    action:\n      type: scale-out\n      min_replicas: 5\n      max_replicas: 2\n", "policies.yaml:4:7: policies[0].action: min_replicas 5 is above max_replicas 2")]
    [InlineData("policies:\n  - name: p\n    action:\n      type: predictive-scale\n", "policies.yaml:4:7: policies[0].action: predictive-scale needs rate_per_replica")]
    [InlineData("policies:\n  - name: p\n    match:\n      cause_indicators: [vibes]\n    action:\n      type: scale-out\n", "policies.yaml:4:26: policies[0].match.cause_indicators[0]: unknown 'vibes'")]
    [InlineData("policies:\n  - name: p\n    action: {type: scale-out}\n  - name: p\n    action: {type: scale-in}\n", "policies.yaml:4:1: policies: the name 'p' is used twice")]
    [InlineData("limits:\n  actions_per_hour: many\n", "policies.yaml:2:21: limits.actions_per_hour: 'many' is not a whole number from 0 to 1000")]
    [InlineData("kill_switch: maybe\n", "policies.yaml:1:14: kill_switch: 'maybe' is not true or false")]
    [InlineData("freezes:\n  - name: f\n    days: [sat]\n    from: \"25:00\"\n    to: \"06:00\"\n", "policies.yaml:2:5: freezes[0]: from '25:00' is not a time of day")]
    [InlineData("freezes:\n  - name: f\n    start: 2026-12-24T00:00:00Z\n", "policies.yaml:2:5: freezes[0]: a freeze is either start and end")]
    [InlineData("policies: [a\n", "policies.yaml:2:1: not valid YAML")]
    [InlineData("policies: 3\n", "policies.yaml:1:11: policies: expected a list")]
    public void Read_BadFile_FailsNamingTheLineAndField(string yaml, string message)
    {
        var read = () => PolicyFileReader.Read(yaml);

        read.Should().Throw<PolicyFileException>().Which.Message.Should().StartWith(message);
    }

    [Fact]
    public void ReadFile_Missing_FailsNamingThePath()
    {
        var read = () => PolicyFileReader.ReadFile("/nonexistent/policies.yaml");

        read.Should().Throw<PolicyFileException>().Which.Message.Should().StartWith("/nonexistent/policies.yaml: cannot read the policy file");
    }
}
