using System.Net.Http.Json;
using System.Text.Json;
using AIOps.Testing;
using AIOps.Travel.Messaging;
using AIOps.Travel.Services.Contracts;
using AIOps.Travel.Services.Notifications;

namespace AIOps.Travel.Tests.Platform;

/// <summary>The notification queue with real consumer processes: retries, dead letters, and a consumer killed mid-batch.</summary>
[Collection(TravelProcessesGroup.Name)]
public sealed class NotificationQueueTests : IAsyncLifetime
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);
    private TravelPlatform _platform = null!;
    private DurableQueue _queue = null!;

    public async Task InitializeAsync()
    {
        _platform = await TravelPlatform.StartAsync();
        _queue = new DurableQueue(Path.Combine(_platform.DataDirectory, "queue.db"));
    }

    public async Task DisposeAsync()
    {
        _queue.Dispose();
        await _platform.DisposeAsync();
    }

    [Fact]
    public async Task FailingMailServer_MessageIsRetriedThenDeadLettered_AndRedriveDeliversIt()
    {
        await _platform.StartServiceAsync("notification", "notification-1", "--queue-max-attempts", "3", "--queue-retry-base", "0.05");
        await _platform.InjectAsync("notification-1", new { kind = "failing-dependency", intensity = 1.0, dependency = "smtp", durationSeconds = 120 });
        var id = Publish("bk-01-retry");

        await Poll.UntilAsync(() => _queue.Stats(Now()).DeadLettered == 1, TimeSpan.FromSeconds(20), "the message to be dead-lettered");
        var dead = _queue.DeadLetters(10).Single();
        dead.Id.Should().Be(id);
        dead.Attempts.Should().Be(3);
        dead.LastError.Should().Contain("smtp");

        await _platform.ClearFaultsAsync("notification-1");
        var notification = await _platform.InstanceAsync("notification-1");
        using var redrive = await _platform.Http.PostAsync(new Uri(new Uri(notification.Address), $"/queue/dead-letters/{id}/redrive"), null);
        redrive.EnsureSuccessStatusCode();

        await Poll.UntilAsync(
            async () => (await _platform.Http.GetFromJsonAsync<List<SentNotification>>(new Uri(new Uri(notification.Address), "/notifications?bookingId=bk-01-retry")))!.Count == 1,
            TimeSpan.FromSeconds(20),
            "the redriven message to be delivered");
        _queue.Stats(Now()).Should().Be(new QueueStats(Depth: 0, InFlight: 0, DeadLettered: 0, Processed: 1));
    }

    [Fact]
    public async Task ConsumerKilledMidBatch_RestartedConsumer_DeliversEveryMessageExactlyOnceInTheStore()
    {
        var ids = Enumerable.Range(0, 200).Select(i => Publish($"bk-02-{i}")).ToHashSet();
        var first = await _platform.StartServiceAsync("notification", "notification-a", "--queue-lease", "1");
        await _platform.InjectAsync("notification-a", new { kind = "slow-dependency", intensity = 20, dependency = "smtp", durationSeconds = 120 });
        await Poll.UntilAsync(() => _queue.Stats(Now()).Processed >= 30, TimeSpan.FromSeconds(30), "the first consumer to deliver some messages");

        first.Kill();
        await first.WaitForExitAsync(TimeSpan.FromSeconds(10));
        var left = _queue.Stats(Now());
        left.Depth.Should().BeGreaterThan(0, "the kill must land mid-way for the test to mean anything");

        await _platform.StartServiceAsync("notification", "notification-b", "--queue-lease", "1");

        await Poll.UntilAsync(() => _queue.Stats(Now()) is { Depth: 0, Processed: 200 }, TimeSpan.FromSeconds(60), "every message to be processed");
        using var store = new NotificationStore(Path.Combine(_platform.DataDirectory, "notifications.db"));
        store.AllMessageIds().Should().BeEquivalentTo(ids);
        _queue.Stats(Now()).DeadLettered.Should().Be(0);
    }

    private string Publish(string bookingId) =>
        _queue.Enqueue(NotificationTopics.Notifications, JsonSerializer.Serialize(new NotificationMessage("booking.confirmed", bookingId, "u1", 100m, "EUR"), s_json), null, null, Now());

    private static long Now() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
}
