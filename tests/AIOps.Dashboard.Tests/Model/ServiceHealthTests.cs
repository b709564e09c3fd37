using AIOps.Collector.Query;
using AIOps.Dashboard.Model;

namespace AIOps.Dashboard.Tests.Model;

public sealed class ServiceHealthTests
{
    private static readonly ServiceObjective s_objective = new(99.5, 500);

    [Theory]
    [InlineData(1000, 0, 1.0)]
    [InlineData(1000, 2, 0.6)]
    [InlineData(1000, 5, 0.0)]
    [InlineData(1000, 10, -1.0)]
    [InlineData(200, 1, 0.0)]
    public void Budget_ErrorsAgainstRequests_IsTheShareOfAllowedErrorsLeft(long requests, long errors, double left) =>
        ServiceHealth.Budget(s_objective, requests, errors).Should().BeApproximately(left, 1e-9);

    [Fact]
    public void Budget_NoRequests_IsUnknown() => ServiceHealth.Budget(s_objective, 0, 0).Should().BeNull();

    [Theory]
    [InlineData(0.0, 120.0, HealthState.Ok)]
    [InlineData(0.003, 120.0, HealthState.Warn)]
    [InlineData(0.006, 120.0, HealthState.Bad)]
    [InlineData(0.0, 420.0, HealthState.Warn)]
    [InlineData(0.0, 501.0, HealthState.Bad)]
    [InlineData(0.003, 501.0, HealthState.Bad)]
    public void Evaluate_CurrentRed_HeldAgainstTheObjective(double errorRate, double p95, HealthState expected)
    {
        var health = ServiceHealth.Evaluate(s_objective, Current(600, errorRate, p95), 100_000, 0, openIncident: false);

        health.State.Should().Be(expected);
        (health.Reasons.Count == 0).Should().Be(expected == HealthState.Ok, "a service that is not ok says why");
    }

    [Fact]
    public void Evaluate_ErrorRateAboveObjective_SaysBy()
    {
        var health = ServiceHealth.Evaluate(s_objective, Current(600, 0.1, 80), 100_000, 60, openIncident: false);

        health.State.Should().Be(HealthState.Bad);
        health.Reasons.Should().ContainSingle().Which.Should().Be("error rate 10 % above the objective's 0.5 %");
    }

    [Theory]
    [InlineData(400, HealthState.Bad)]
    [InlineData(390, HealthState.Warn)]
    [InlineData(100, HealthState.Ok)]
    public void Evaluate_BudgetOverTheRange_SpentIsBadLowIsWarn(long errors, HealthState expected)
    {
        // 80,000 requests at 99.5 % allow 400 errors; the last minutes are clean.
        var health = ServiceHealth.Evaluate(s_objective, Current(600, 0, 80), 80_000, errors, openIncident: false);

        health.State.Should().Be(expected);
        health.BudgetLeft.Should().BeApproximately(1 - (errors / 400.0), 1e-9);
    }

    [Fact]
    public void Evaluate_OpenIncident_AtLeastWarn()
    {
        ServiceHealth.Evaluate(s_objective, Current(600, 0, 80), 80_000, 0, openIncident: true)
            .Should().Match<ServiceHealth>(h => h.State == HealthState.Warn && h.Reasons.Contains("open incident"));
        ServiceHealth.Evaluate(s_objective, Current(600, 0.2, 80), 80_000, 0, openIncident: true).State.Should().Be(HealthState.Bad);
    }

    [Fact]
    public void Evaluate_SilentNowButServedInTheRange_Warn()
    {
        var health = ServiceHealth.Evaluate(s_objective, Current(0, 0, null), 5_000, 0, openIncident: false);

        health.State.Should().Be(HealthState.Warn);
        health.Reasons.Should().ContainSingle().Which.Should().Be("no requests in the last 5 minutes");
    }

    [Fact]
    public void Evaluate_SeveralProblems_WorstReasonFirst()
    {
        var health = ServiceHealth.Evaluate(s_objective, Current(600, 0, 450), 80_000, 390, openIncident: true);

        health.State.Should().Be(HealthState.Warn);
        health.Reasons.Should().HaveCount(3);
        ServiceHealth.Evaluate(s_objective, Current(600, 0, 900), 80_000, 390, openIncident: true).Reasons[0].Should().StartWith("p95 900 ms above");
    }

    [Theory]
    [InlineData(0.0, 100.0, HealthState.Ok)]
    [InlineData(0.2, 100.0, HealthState.Bad)]
    [InlineData(0.0, 450.0, HealthState.Warn)]
    [InlineData(0.0, null, HealthState.Ok)]
    public void OfCalls_ErrorRateAndP95_HeldAgainstTheCalleesObjective(double errorRate, double? p95, HealthState expected) =>
        ServiceHealth.OfCalls(s_objective, errorRate, p95).Should().Be(expected);

    private static RedPoint Current(long requests, double errorRate, double? p95) =>
        new(0, requests, requests / 300.0, errorRate, p95 / 2, p95, p95 * 1.5, p95 / 2);
}
