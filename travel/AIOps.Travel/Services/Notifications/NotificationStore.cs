using AIOps.Travel.Services.Contracts;
using AIOps.Travel.Storage;

namespace AIOps.Travel.Services.Notifications;

/// <summary>Notifications delivered, unique per queue message id, so a redelivery never sends twice.</summary>
internal sealed class NotificationStore : IDisposable
{
    private readonly SqliteDatabase _db;

    public NotificationStore(string path)
    {
        _db = SqliteDatabase.Open(path);
        _db.ExecuteScript("""
            CREATE TABLE IF NOT EXISTS sent(
              message_id TEXT PRIMARY KEY, kind TEXT NOT NULL, booking_id TEXT NOT NULL, user_id TEXT NOT NULL,
              channel TEXT NOT NULL, sent_at INTEGER NOT NULL, attempts INTEGER NOT NULL);
            CREATE INDEX IF NOT EXISTS sent_booking ON sent(booking_id);
            """);
    }

    /// <summary>Records a delivery; false when this message was delivered before.</summary>
    public bool Record(SentNotification sent) =>
        _db.Execute(
            "INSERT OR IGNORE INTO sent(message_id, kind, booking_id, user_id, channel, sent_at, attempts) VALUES (?, ?, ?, ?, ?, ?, ?)",
            sent.MessageId, sent.Kind, sent.BookingId, sent.UserId, sent.Channel, sent.SentAtUnixMs, sent.Attempts) > 0;

    public IReadOnlyList<SentNotification> ForBooking(string bookingId) =>
        _db.Query("SELECT message_id, kind, booking_id, user_id, channel, sent_at, attempts FROM sent WHERE booking_id = ? ORDER BY sent_at", Read, bookingId);

    public long Count() => _db.Query("SELECT count(*) FROM sent", r => r.GetInt64(0))[0];

    public IReadOnlyList<string> AllMessageIds() => _db.Query("SELECT message_id FROM sent", r => r.GetString(0));

    public void Dispose() => _db.Dispose();

    private static SentNotification Read(SqliteRow r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetInt64(5), r.GetInt32(6));
}
