using AIOps.Analyzer.Incidents;
using AIOps.Analyzer.RootCause;
using AIOps.Analyzer.Signals;
using AIOps.Remediator.Actions;
using AIOps.Remediator.Drivers;
using AIOps.Remediator.Tests.Engine;
using AIOps.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AIOps.Remediator.Tests.Scheduling;

public sealed class RemediationJobTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("aiops-quartz-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Quartz_RunsTheLoop_AnOpenIncidentGetsItsActionAndVerification()
    {
        var policies = Path.Combine(_directory, "policies.yaml");
        File.WriteAllText(policies, """
            policies:
              - name: restart-leak
                mode: auto
                match: {cause_indicators: [memory]}
                action: {type: restart-instance}
                verify_within: 1m
            """);
        var driver = new FakeDriver();
        driver.Services["hotel"] = new ServiceReplicas(2, 2, ["hotel-1", "hotel-2"]);
        var store = new IncidentStore(Path.Combine(_directory, "incidents.db"));
        var now = DateTimeOffset.UtcNow;
        var incident = new Incident
        {
            Id = "i1", Status = IncidentStatus.Open, OpenedAt = now, UpdatedAt = now, Title = "Memory up on hotel", Services = ["hotel"], Timeline = [],
            Signals = [new IncidentSignal("hotel", null, Indicator.Memory, now, null, 200, 900, 900, 0.9, "Value", "Memory up on hotel")],
            Causes = [new RankedCause("hotel", 1, "memory", null, "hotel-2", [])], CausesRankedAt = now,
        };
        store.Save([incident]);
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton(store).AddSingleton<IRemediationDriver>(driver);
        builder.Services.AddRemediator(o =>
        {
            o.Enabled = true;
            o.PolicyFile = policies;
            o.DataDirectory = _directory;
            o.Interval = TimeSpan.FromSeconds(1);
        });
        using var host = builder.Build();
        await host.StartAsync();
        var log = host.Services.GetRequiredService<ActionLog>();

        await Poll.UntilAsync(() => log.List().Any(a => a.State == ActionState.Verifying), TimeSpan.FromSeconds(30), "the scheduled job to act on the incident");
        driver.Changes.Should().Equal("restart hotel-2");
        store.Save([incident with { Status = IncidentStatus.Resolved, ResolvedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow }]);
        await Poll.UntilAsync(() => log.List().Single().State == ActionState.Succeeded, TimeSpan.FromSeconds(30), "the scheduled job to verify the action");

        await host.StopAsync();
        store.Dispose();
    }
}
