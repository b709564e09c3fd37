using AIOps.Collector.Storage;

namespace AIOps.Collector.Tests.Storage;

public sealed class PartitionSetTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("aiops-partitions-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private PartitionSet Create() => new(_directory, db => db.Execute("CREATE TABLE IF NOT EXISTS filler(data BLOB)"), durable: false);

    private static void Fill(PartitionSet set, long hour, int kilobytes)
    {
        var db = set.Writer(hour);
        db.BeginImmediate();
        db.Prepare("INSERT INTO filler(data) VALUES (?1)").Bind(1, new byte[kilobytes * 1024]).Run();
        db.Commit();
    }

    [Fact]
    public void DeleteBefore_RetentionCutoff_DeletesOnlyWholeHoursBeforeIt()
    {
        using var set = Create();
        foreach (var hour in new long[] { 100, 101, 102 })
        {
            Fill(set, hour, 4);
        }

        var deleted = set.DeleteBefore(PartitionSet.HourStartNanos(101) + 1);

        deleted.Should().Be(1);
        set.AllHours().Should().Equal(101, 102);
    }

    [Fact]
    public void EnforceQuota_OverTheLimit_DeletesOldestFirstAndNeverTheNewest()
    {
        using var set = Create();
        foreach (var hour in new long[] { 200, 201, 202, 203 })
        {
            Fill(set, hour, 256);
        }

        var before = set.SizeBytes();
        set.EnforceQuota(before / 2);

        var kept = set.AllHours();
        kept.Should().NotBeEmpty().And.HaveCountLessThan(4);
        kept.Should().Equal(Enumerable.Range(204 - kept.Count, kept.Count).Select(h => (long)h), "the newest hours are kept");
        set.SizeBytes().Should().BeLessThanOrEqualTo(before / 2);
        set.EnforceQuota(1);
        set.AllHours().Should().Equal(203);
    }

    [Fact]
    public void Hours_QueryRange_IncludesNeighboursForLateData()
    {
        using var set = Create();
        foreach (var hour in new long[] { 300, 302, 305 })
        {
            Fill(set, hour, 1);
        }

        set.Hours(PartitionSet.HourStartNanos(303), PartitionSet.HourStartNanos(303) + 10).Should().Equal(302);
    }
}
