using System.Diagnostics;
using System.Text.Json;
using AIOps.Travel.Telemetry;

namespace AIOps.Travel.Messaging;

/// <summary>Publishes to the durable queue inside a producer span whose context travels with the message.</summary>
internal sealed class QueuePublisher(DurableQueue queue, TimeProvider time)
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    public string Publish<T>(string topic, T message)
    {
        using var span = TravelTelemetry.Source.StartActivity($"{topic} publish", ActivityKind.Producer);
        span?.SetTag("messaging.system", "aiops.sqlite-queue");
        span?.SetTag("messaging.destination.name", topic);
        span?.SetTag("messaging.operation.type", "send");
        var current = Activity.Current;
        var id = queue.Enqueue(topic, JsonSerializer.Serialize(message, s_json), current?.Id, current?.TraceStateString, time.GetUtcNow().ToUnixTimeMilliseconds());
        span?.SetTag("messaging.message.id", id);
        TravelTelemetry.QueuePublished.Add(1, new KeyValuePair<string, object?>("topic", topic));
        return id;
    }
}
