using AIOps.Travel.Messaging;

namespace AIOps.Travel.Tests.Messaging;

public sealed class DurableQueueTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("aiops-queue-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private DurableQueue Open() => new(Path.Combine(_directory, "queue.db"));

    [Fact]
    public void Lease_LeasedMessage_IsInvisibleToOtherConsumersUntilTheLeaseEnds()
    {
        using var queue = Open();
        queue.Enqueue("notifications", "{}", null, null, nowMs: 1_000);

        queue.Lease("notifications", "a", 10, leaseMs: 5_000, nowMs: 1_000).Should().ContainSingle();
        queue.Lease("notifications", "b", 10, leaseMs: 5_000, nowMs: 2_000).Should().BeEmpty();

        var again = queue.Lease("notifications", "b", 10, leaseMs: 5_000, nowMs: 6_001);
        again.Should().ContainSingle().Which.Attempts.Should().Be(2);
    }

    [Fact]
    public void Nack_UntilMaxAttempts_RetriesWithBackoffThenDeadLetters()
    {
        using var queue = Open();
        var id = queue.Enqueue("notifications", "{\"kind\":\"x\"}", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", null, nowMs: 0);
        long now = 0;
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var message = queue.Lease("notifications", "a", 10, 10_000, now).Should().ContainSingle().Subject;
            message.Attempts.Should().Be(attempt);
            message.TraceParent.Should().StartWith("00-0af7651916cd43dd8448eb211c80319c");
            var deadLettered = queue.Nack(message, "a", "smtp down", retryAtMs: now + 1_000, maxAttempts: 3, nowMs: now);
            deadLettered.Should().Be(attempt == 3);
            queue.Lease("notifications", "a", 10, 10_000, now + 999).Should().BeEmpty("a retry waits for its backoff");
            now += 1_000;
        }

        queue.Lease("notifications", "a", 10, 10_000, now + 100_000).Should().BeEmpty();
        var dead = queue.DeadLetters(10).Should().ContainSingle().Subject;
        dead.Id.Should().Be(id);
        dead.Attempts.Should().Be(3);
        dead.LastError.Should().Be("smtp down");
        queue.Stats(now).Should().Be(new QueueStats(Depth: 0, InFlight: 0, DeadLettered: 1, Processed: 0));
    }

    [Fact]
    public void Redrive_DeadLetter_IsDeliveredAgainWithFreshAttempts()
    {
        using var queue = Open();
        var id = queue.Enqueue("notifications", "{}", null, null, 0);
        var message = queue.Lease("notifications", "a", 1, 1_000, 0).Single();
        queue.Nack(message, "a", "boom", 0, maxAttempts: 1, nowMs: 0).Should().BeTrue();

        queue.Redrive(id, 10).Should().BeTrue();

        queue.DeadLetters(10).Should().BeEmpty();
        queue.Lease("notifications", "a", 1, 1_000, 10).Should().ContainSingle().Which.Attempts.Should().Be(1);
    }

    [Fact]
    public void ConsumerDiesHoldingLeases_SecondConsumerOnAnotherConnection_GetsEveryMessageOnce()
    {
        using var producer = Open();
        var ids = Enumerable.Range(0, 50).Select(i => producer.Enqueue("notifications", $"{{\"n\":{i}}}", null, null, 0)).ToHashSet();
        var ackedByFirst = new List<string>();
        using (var first = Open())
        {
            var taken = first.Lease("notifications", "consumer-1", 20, leaseMs: 3_000, nowMs: 100);
            taken.Should().HaveCount(20);
            foreach (var message in taken.Take(5))
            {
                first.Ack(message.Id, "consumer-1", 200).Should().BeTrue();
                ackedByFirst.Add(message.Id);
            }

            // consumer-1 dies here: 15 messages stay leased to it.
        }

        using var second = Open();
        var delivered = new List<string>();
        for (long now = 200; now < 10_000; now += 500)
        {
            foreach (var message in second.Lease("notifications", "consumer-2", 10, 3_000, now))
            {
                second.WasProcessed(message.Id).Should().BeFalse();
                second.Ack(message.Id, "consumer-2", now).Should().BeTrue();
                delivered.Add(message.Id);
            }
        }

        delivered.Should().OnlyHaveUniqueItems().And.HaveCount(45);
        delivered.Concat(ackedByFirst).Should().BeEquivalentTo(ids);
        second.Stats(10_000).Should().Be(new QueueStats(0, 0, 0, 50));
    }

    [Fact]
    public void Ack_LeaseLostToAnotherConsumer_IsRefused()
    {
        using var queue = Open();
        queue.Enqueue("notifications", "{}", null, null, 0);
        var first = queue.Lease("notifications", "a", 1, 1_000, 0).Single();
        queue.Lease("notifications", "b", 1, 1_000, 2_000).Should().ContainSingle();

        queue.Ack(first.Id, "a", 2_100).Should().BeFalse();
        queue.Ack(first.Id, "b", 2_100).Should().BeTrue();
        queue.WasProcessed(first.Id).Should().BeTrue();
    }
}
