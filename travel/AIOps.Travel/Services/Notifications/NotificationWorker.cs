using System.Diagnostics;
using System.Text.Json;
using AIOps.Travel.Discovery;
using AIOps.Travel.Faults;
using AIOps.Travel.Hosting;
using AIOps.Travel.Messaging;
using AIOps.Travel.Services.Contracts;
using AIOps.Travel.Telemetry;

namespace AIOps.Travel.Services.Notifications;

/// <summary>
/// Consumes the notification queue: each message is handled in a consumer span continuing the
/// booking's trace, delivered through the (simulated) mail server, recorded, then acknowledged.
/// Failures retry with exponential backoff and end in the dead-letter table.
/// </summary>
internal sealed class NotificationWorker(
    DurableQueue queue,
    NotificationStore store,
    FaultInjector faults,
    InstanceIdentity identity,
    ServeOptions options,
    TimeProvider time,
    ILogger<NotificationWorker> logger) : BackgroundService
{
    public const int BatchSize = 16;
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    public QueueStats? LastStats { get; private set; }

    /// <summary>Leases and handles one batch; returns how many messages it leased.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var batch = queue.Lease(NotificationTopics.Notifications, identity.InstanceId, BatchSize, (long)options.QueueLease.TotalMilliseconds, now);
        foreach (var message in batch)
        {
            await HandleAsync(message, cancellationToken).ConfigureAwait(false);
        }

        LastStats = queue.Stats(time.GetUtcNow().ToUnixTimeMilliseconds());
        return batch.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        QueueGauges.Register(() => LastStats);
        while (!stoppingToken.IsCancellationRequested)
        {
            var leased = 0;
            try
            {
                leased = await RunOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // A timeout is a cancellation too: only stopping ends the consumer.
                NotificationLog.ConsumeFailed(logger, ex);
            }

            if (leased < BatchSize)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), time, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private async Task HandleAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        ActivityContext.TryParse(message.TraceParent, message.TraceState, isRemote: true, out var parent);
        using var span = TravelTelemetry.Source.StartActivity($"{message.Topic} process", ActivityKind.Consumer, parent);
        span?.SetTag("messaging.system", "aiops.sqlite-queue");
        span?.SetTag("messaging.destination.name", message.Topic);
        span?.SetTag("messaging.operation.type", "process");
        span?.SetTag("messaging.message.id", message.Id);
        span?.SetTag("messaging.message.delivery_attempt", message.Attempts);
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        if (queue.WasProcessed(message.Id))
        {
            queue.Ack(message.Id, identity.InstanceId, now);
            TravelTelemetry.Notifications.Add(1, new KeyValuePair<string, object?>("outcome", "duplicate"));
            return;
        }

        try
        {
            var notification = JsonSerializer.Deserialize<NotificationMessage>(message.Payload, s_json)
                ?? throw new JsonException("empty notification");
            await DeliverAsync(notification, cancellationToken).ConfigureAwait(false);
            var sentAt = time.GetUtcNow().ToUnixTimeMilliseconds();
            store.Record(new SentNotification(message.Id, notification.Kind, notification.BookingId, notification.UserId, "email", sentAt, message.Attempts));
            queue.Ack(message.Id, identity.InstanceId, sentAt);
            TravelTelemetry.Notifications.Add(1, new KeyValuePair<string, object?>("outcome", "sent"));
            NotificationLog.Sent(logger, notification.Kind, notification.BookingId, message.Id, message.Attempts);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            span?.SetStatus(ActivityStatusCode.Error, ex.Message);
            span?.AddException(ex);
            var delay = RetryDelay(message.Attempts);
            var failedAt = time.GetUtcNow().ToUnixTimeMilliseconds();
            var deadLettered = queue.Nack(message, identity.InstanceId, ex.Message, failedAt + (long)delay.TotalMilliseconds, options.QueueMaxAttempts, failedAt);
            var outcome = deadLettered ? "dead_lettered" : "retried";
            TravelTelemetry.Notifications.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
            if (deadLettered)
            {
                NotificationLog.DeadLettered(logger, message.Id, message.Attempts, ex.Message);
            }
            else
            {
                NotificationLog.Retrying(logger, message.Id, message.Attempts, delay.TotalSeconds, ex.Message);
            }
        }
    }

    /// <summary>base x 2^(attempt-1), at most a minute.</summary>
    internal TimeSpan RetryDelay(int attempt) =>
        TimeSpan.FromMilliseconds(Math.Min(60_000, options.QueueRetryBase.TotalMilliseconds * Math.Pow(2, Math.Max(0, attempt - 1))));

    private async Task DeliverAsync(NotificationMessage notification, CancellationToken cancellationToken)
    {
        using var span = TravelTelemetry.Source.StartActivity("smtp send", ActivityKind.Client);
        span?.SetTag("peer.service", "smtp");
        span?.SetTag("travel.booking.id", notification.BookingId);
        var started = Stopwatch.GetTimestamp();
        var delay = TimeSpan.FromMilliseconds(5 + Random.Shared.Next(10)) + faults.DependencyDelay("smtp", out var slow);
        if (slow is not null)
        {
            FaultInjector.MarkApplied(slow);
        }

        await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
        TravelTelemetry.ProviderLatency.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("provider", "smtp"));
        if (faults.ShouldFailDependency("smtp", out var failing))
        {
            FaultInjector.MarkApplied(failing!);
            throw new DependencyException("smtp", 421, "mail server unavailable (injected fault)");
        }
    }
}
