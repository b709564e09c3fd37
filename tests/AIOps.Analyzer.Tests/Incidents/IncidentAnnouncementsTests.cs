using AIOps.Analyzer.Incidents;

namespace AIOps.Analyzer.Tests.Incidents;

public sealed class IncidentAnnouncementsTests
{
    private static readonly DateTimeOffset s_opened = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);

    private static Incident Version(string id, IncidentStatus status, int minutes) => new()
    {
        Id = id,
        Status = status,
        OpenedAt = s_opened,
        UpdatedAt = s_opened.AddMinutes(minutes),
        ResolvedAt = status == IncidentStatus.Resolved ? s_opened.AddMinutes(minutes) : null,
        Title = "p95 latency up on hotel",
        Services = ["hotel"],
        Signals = [],
        Timeline = [new IncidentEvent(s_opened, "opened", "p95 latency up on hotel")],
    };

    [Fact]
    public void OpenIncidentChangingEveryCycle_IsToldOpenOnce_ThenResolvedOnce()
    {
        var told = new IncidentAnnouncements();

        var opened = Enumerable.Range(0, 4).Select(m => told.Opened(Version("inc-1", IncidentStatus.Open, m))).ToList();
        var resolved = told.Resolved(Version("inc-1", IncidentStatus.Resolved, 5));

        opened.Should().Equal(true, false, false, false);
        resolved.Should().BeTrue();
        told.Opened(Version("inc-1", IncidentStatus.Resolved, 5)).Should().BeFalse("a resolved incident is not news of an opening");
    }

    [Fact]
    public void OpenVersions_AreNotResolutions_AndEachIncidentIsToldOnItsOwn()
    {
        var told = new IncidentAnnouncements();

        told.Resolved(Version("inc-1", IncidentStatus.Open, 0)).Should().BeFalse();
        told.Opened(Version("inc-1", IncidentStatus.Open, 0)).Should().BeTrue();
        told.Opened(Version("inc-2", IncidentStatus.Open, 1)).Should().BeTrue();
        told.Opened(Version("inc-1", IncidentStatus.Open, 2)).Should().BeFalse();
    }
}
