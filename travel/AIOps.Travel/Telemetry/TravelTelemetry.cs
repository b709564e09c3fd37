using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace AIOps.Travel.Telemetry;

/// <summary>The platform's own spans and business metrics (the framework's come from its built-in sources).</summary>
internal static class TravelTelemetry
{
    public const string Name = "AIOps.Travel";

    public static readonly ActivitySource Source = new(Name, ThisAssembly.Version);

    public static readonly Meter Meter = new(Name, ThisAssembly.Version);

    public static readonly Counter<long> Bookings = Meter.CreateCounter<long>(
        "travel.bookings", "{booking}", "Bookings created, by outcome (confirmed, payment_declined, sold_out, failed) and type");

    public static readonly Counter<long> PaymentFailures = Meter.CreateCounter<long>(
        "travel.payment.failures", "{payment}", "Payments declined or failed, by reason");

    public static readonly Counter<long> Payments = Meter.CreateCounter<long>(
        "travel.payments", "{payment}", "Payments processed, by status");

    public static readonly Counter<long> InventoryHolds = Meter.CreateCounter<long>(
        "travel.inventory.holds", "{hold}", "Inventory hold operations, by type and outcome (held, rejected, confirmed, released, expired)");

    public static readonly Counter<long> Notifications = Meter.CreateCounter<long>(
        "travel.notifications", "{message}", "Notification messages handled, by outcome (sent, retried, dead_lettered, duplicate)");

    public static readonly Counter<long> QueuePublished = Meter.CreateCounter<long>(
        "travel.queue.published", "{message}", "Messages published to the durable queue, by topic");

    public static readonly Histogram<double> ProviderLatency = Meter.CreateHistogram<double>(
        "travel.provider.duration", "s", "Latency of simulated external providers (payment processor, mail server)");
}
