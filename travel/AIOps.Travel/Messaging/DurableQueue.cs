using AIOps.Travel.Storage;

namespace AIOps.Travel.Messaging;

/// <summary>
/// A durable work queue in a SQLite file shared by producers and consumers. Consumers lease messages
/// (invisible to others until the lease ends), acknowledge them, or hand them back for a retry at a
/// later time; after the last attempt a message moves to the dead-letter table. A consumer that dies
/// holding a lease loses nothing: the message becomes visible again when the lease runs out.
/// Acknowledgement records the message id, so a redelivered message that was already handled is
/// recognised (idempotent consumption).
/// </summary>
internal sealed class DurableQueue : IDisposable
{
    private const string Columns = "id, topic, payload, trace_parent, trace_state, attempts, enqueued_at";

    private readonly SqliteDatabase _db;

    public DurableQueue(string path)
    {
        _db = SqliteDatabase.Open(path);
        _db.ExecuteScript("""
            CREATE TABLE IF NOT EXISTS messages(
              id TEXT PRIMARY KEY, topic TEXT NOT NULL, payload TEXT NOT NULL, trace_parent TEXT, trace_state TEXT,
              attempts INTEGER NOT NULL DEFAULT 0, enqueued_at INTEGER NOT NULL, visible_at INTEGER NOT NULL,
              lease_owner TEXT, lease_until INTEGER, last_error TEXT);
            CREATE INDEX IF NOT EXISTS messages_visible ON messages(topic, visible_at);
            CREATE TABLE IF NOT EXISTS dead_letters(
              id TEXT PRIMARY KEY, topic TEXT NOT NULL, payload TEXT NOT NULL, trace_parent TEXT, trace_state TEXT,
              attempts INTEGER NOT NULL, enqueued_at INTEGER NOT NULL, failed_at INTEGER NOT NULL, last_error TEXT);
            CREATE TABLE IF NOT EXISTS processed(id TEXT PRIMARY KEY, processed_at INTEGER NOT NULL) WITHOUT ROWID;
            """);
    }

    public string Enqueue(string topic, string payload, string? traceParent, string? traceState, long nowMs)
    {
        var id = "msg-" + Guid.NewGuid().ToString("N");
        _db.Execute(
            "INSERT INTO messages(id, topic, payload, trace_parent, trace_state, enqueued_at, visible_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            id, topic, payload, traceParent, traceState, nowMs, nowMs);
        return id;
    }

    /// <summary>Leases up to <paramref name="max"/> visible messages of a topic for <paramref name="leaseMs"/>.</summary>
    public List<QueueMessage> Lease(string topic, string owner, int max, long leaseMs, long nowMs) =>
        _db.Query(
            $"""
            UPDATE messages SET lease_owner = ?1, lease_until = ?2, attempts = attempts + 1
            WHERE id IN (SELECT id FROM messages WHERE topic = ?3 AND visible_at <= ?4 AND (lease_until IS NULL OR lease_until <= ?4)
                         ORDER BY visible_at LIMIT ?5)
            RETURNING {Columns}
            """,
            r => new QueueMessage(r.GetString(0), r.GetString(1), r.GetString(2), r.GetStringOrNull(3), r.GetStringOrNull(4), r.GetInt32(5), r.GetInt64(6)),
            owner, nowMs + leaseMs, topic, nowMs, max);

    public bool WasProcessed(string id) =>
        _db.Query("SELECT 1 FROM processed WHERE id = ?", r => r.GetInt32(0), id).Count > 0;

    /// <summary>Removes the message and remembers it as processed. False when the lease was lost to another consumer.</summary>
    public bool Ack(string id, string owner, long nowMs) =>
        _db.InTransaction(db =>
        {
            if (db.Execute("DELETE FROM messages WHERE id = ? AND lease_owner = ?", id, owner) == 0)
            {
                return false;
            }

            db.Execute("INSERT OR IGNORE INTO processed(id, processed_at) VALUES (?, ?)", id, nowMs);
            return true;
        });

    /// <summary>Hands a message back after a failure: visible again at <paramref name="retryAtMs"/>, or dead-lettered after <paramref name="maxAttempts"/>.</summary>
    public bool Nack(QueueMessage message, string owner, string error, long retryAtMs, int maxAttempts, long nowMs) =>
        _db.InTransaction(db =>
        {
            if (message.Attempts >= maxAttempts)
            {
                var moved = db.Execute(
                    """
                    INSERT INTO dead_letters(id, topic, payload, trace_parent, trace_state, attempts, enqueued_at, failed_at, last_error)
                    SELECT id, topic, payload, trace_parent, trace_state, attempts, enqueued_at, ?, ? FROM messages WHERE id = ? AND lease_owner = ?
                    """,
                    nowMs, error, message.Id, owner);
                db.Execute("DELETE FROM messages WHERE id = ? AND lease_owner = ?", message.Id, owner);
                return moved > 0;
            }

            db.Execute(
                "UPDATE messages SET visible_at = ?, lease_owner = NULL, lease_until = NULL, last_error = ? WHERE id = ? AND lease_owner = ?",
                retryAtMs, error, message.Id, owner);
            return false;
        });

    public IReadOnlyList<DeadLetter> DeadLetters(int limit) =>
        _db.Query(
            "SELECT id, topic, payload, attempts, enqueued_at, failed_at, last_error FROM dead_letters ORDER BY failed_at DESC LIMIT ?",
            r => new DeadLetter(r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt32(3), r.GetInt64(4), r.GetInt64(5), r.GetStringOrNull(6)),
            limit);

    /// <summary>Moves a dead letter back to the queue with a fresh attempt count.</summary>
    public bool Redrive(string id, long nowMs) =>
        _db.InTransaction(db =>
        {
            var moved = db.Execute(
                """
                INSERT INTO messages(id, topic, payload, trace_parent, trace_state, enqueued_at, visible_at)
                SELECT id, topic, payload, trace_parent, trace_state, enqueued_at, ? FROM dead_letters WHERE id = ?
                """,
                nowMs, id);
            db.Execute("DELETE FROM dead_letters WHERE id = ?", id);
            return moved > 0;
        });

    public QueueStats Stats(long nowMs) =>
        _db.Query(
            """
            SELECT (SELECT count(*) FROM messages),
                   (SELECT count(*) FROM messages WHERE lease_until > ?),
                   (SELECT count(*) FROM dead_letters),
                   (SELECT count(*) FROM processed)
            """,
            r => new QueueStats(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3)),
            nowMs)[0];

    public void Dispose() => _db.Dispose();
}
