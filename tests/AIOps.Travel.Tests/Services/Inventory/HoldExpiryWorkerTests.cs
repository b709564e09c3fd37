using AIOps.Testing;
using AIOps.Travel.Services.Inventory;
using Microsoft.Extensions.Logging;

namespace AIOps.Travel.Tests.Services.Inventory;

public sealed class HoldExpiryWorkerTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("aiops-holds-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task SweepFails_TheWorkerLogsIt_AndKeepsSweeping()
    {
        // A store whose database is gone: every sweep throws, as one past the busy deadline would.
        var store = new InventoryStore(Path.Combine(_directory, "hotel-inventory.db"));
        store.Dispose();
        var time = new ManualTimeProvider();
        var logger = new RecordingLogger<HoldExpiryWorker>();
        using var worker = new HoldExpiryWorker(store, time, "hotel", logger);

        await worker.StartAsync(CancellationToken.None);
        await Poll.UntilAsync(() => time.ArmedTimers > 0, TimeSpan.FromSeconds(10), "the worker to arm its sweep timer");
        foreach (var sweeps in new[] { 1, 2 })
        {
            time.Advance(TimeSpan.FromSeconds(30));
            await Poll.UntilAsync(() => logger.Entries.Count >= sweeps, TimeSpan.FromSeconds(10), $"sweep {sweeps} to fail and be logged");
        }

        worker.ExecuteTask!.IsCompleted.Should().BeFalse("a failed sweep does not end the worker (the host would stop the replica)");
        logger.Entries.Should().OnlyContain(e => e.Level == LogLevel.Warning && e.Message.StartsWith("Expiring the hotel holds failed; the next sweep retries", StringComparison.Ordinal));
        await worker.StopAsync(CancellationToken.None);
    }
}
