using AIOps.Remediator.Actions;
using AIOps.Remediator.Policies;

namespace AIOps.Remediator.Tests.Actions;

public sealed class ActionLogTests : IDisposable
{
    private static readonly DateTimeOffset s_t0 = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);
    private readonly string _directory = Directory.CreateTempSubdirectory("aiops-actions-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string LogPath => Path.Combine(_directory, "actions.jsonl");

    private static RemediationAction Proposed(string id, string service) => new()
    {
        Id = id,
        Policy = "scale-out",
        Mode = RemediationMode.Auto,
        Type = RemediationActionType.ScaleOut,
        Service = service,
        Trigger = new ActionTrigger("incident", "i-" + id, "LatencyP95 up on " + service, [service + " (latency, 1)"]),
        Plan = new ActionPlan($"scale {service} from 1 to 2 replicas", 1, 2, ["PATCH .../scale {\"spec\":{\"replicas\":2}}"]),
        State = ActionState.Proposed,
        CreatedAt = s_t0,
        History = [new ActionTransition(ActionState.Proposed, s_t0, "aiops", "matched")],
    };

    [Fact]
    public void Append_ThenReopen_KeepsEveryActionsLatestStateNewestFirst()
    {
        var a = Proposed("a", "hotel");
        var b = Proposed("b", "flight");
        using (var log = new ActionLog(LogPath))
        {
            log.Append(a);
            log.Append(b);
            log.Append(a.MoveTo(ActionState.Approved, s_t0.AddMinutes(1), "alice", "ok"));
        }

        using var reopened = new ActionLog(LogPath);

        reopened.List().Select(x => (x.Id, x.State)).Should().Equal(("b", ActionState.Proposed), ("a", ActionState.Approved));
        reopened.Get("a").Should().BeEquivalentTo(a.MoveTo(ActionState.Approved, s_t0.AddMinutes(1), "alice", "ok"));
        reopened.SkippedLines.Should().Be(0);
    }

    [Fact]
    public void Append_NeverRewrites_EveryStateStaysInTheFile()
    {
        var a = Proposed("a", "hotel");
        using (var log = new ActionLog(LogPath))
        {
            log.Append(a);
            log.Append(a.MoveTo(ActionState.Shadowed, s_t0, "aiops", "shadow mode"));
        }

        var lines = File.ReadAllLines(LogPath);

        lines.Should().HaveCount(2);
        lines[0].Should().Contain("\"state\":\"proposed\"");
        lines[1].Should().Contain("\"state\":\"shadowed\"").And.Contain("\"mode\":\"auto\"").And.Contain("\"type\":\"scale-out\"");
    }

    [Fact]
    public void Open_ALastLineTornByACrash_IsSkippedAndCounted()
    {
        using (var log = new ActionLog(LogPath))
        {
            log.Append(Proposed("a", "hotel"));
        }

        File.AppendAllText(LogPath, "{\"id\":\"b\",\"poli");

        using (var reopened = new ActionLog(LogPath))
        {
            reopened.List().Should().ContainSingle().Which.Id.Should().Be("a");
            reopened.SkippedLines.Should().Be(1);
            reopened.Append(Proposed("c", "order"));
        }

        using var third = new ActionLog(LogPath);
        third.List().Select(x => x.Id).Should().Equal("c", "a");
        third.SkippedLines.Should().Be(1, "only the torn line is lost, not the record after it");
    }

    [Fact]
    public void Archive_EndedBeforeTheCutoff_MovesEveryLineToTheGzipArchive_KeepsTheRest()
    {
        var old = Proposed("old", "hotel");
        var open = Proposed("open", "hotel");
        var recent = Proposed("recent", "flight");
        using (var log = new ActionLog(LogPath))
        {
            log.Append(old);
            log.Append(old.MoveTo(ActionState.Shadowed, s_t0.AddMinutes(1), "aiops", "shadow"));
            log.Append(open);
            log.Append(recent);
            log.Append(recent.MoveTo(ActionState.Shadowed, s_t0.AddDays(40), "aiops", "shadow"));

            log.Archive(s_t0.AddDays(30)).Should().Be(1, "only 'old' ended before the cutoff; 'open' has not ended");

            log.List().Select(a => a.Id).Should().Equal("recent", "open");
            log.Append(open.MoveTo(ActionState.Shadowed, s_t0.AddDays(41), "aiops", "shadow"));
            log.Archive(s_t0.AddDays(30)).Should().Be(0);
        }

        Archived(Path.Combine(_directory, "actions.archive.jsonl.gz")).Should().HaveCount(2).And.OnlyContain(line => line.Contains("\"id\":\"old\""));
        using var reopened = new ActionLog(LogPath);
        reopened.List().Should().BeEquivalentTo(new[] { new { Id = "recent", State = ActionState.Shadowed }, new { Id = "open", State = ActionState.Shadowed } });
        reopened.SkippedLines.Should().Be(0);
    }

    [Fact]
    public void Archive_Twice_AppendsAGzipMemberEachTime()
    {
        using var log = new ActionLog(LogPath);
        foreach (var id in new[] { "a", "b" })
        {
            var action = Proposed(id, "hotel");
            log.Append(action);
            log.Append(action.MoveTo(ActionState.Shadowed, s_t0, "aiops", "shadow"));
            log.Archive(s_t0.AddDays(1)).Should().Be(1);
        }

        Archived(log.ArchivePath).Should().HaveCount(4, "zcat reads both members");
        log.List().Should().BeEmpty();
    }

    internal static IReadOnlyList<string> Archived(string path)
    {
        using var gzip = new System.IO.Compression.GZipStream(File.OpenRead(path), System.IO.Compression.CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
