using System.Globalization;
using AIOps.Travel.Services.Contracts;
using AIOps.Travel.Storage;

namespace AIOps.Travel.Services.Inventory;

/// <summary>
/// Rooms per night (hotel) or seats (flight), with holds that keep stock while an order is paid.
/// Every change is one SQLite transaction, so replicas sharing the file never oversell.
/// </summary>
internal sealed class InventoryStore : IDisposable
{
    public static readonly TimeSpan HoldTime = TimeSpan.FromMinutes(10);

    private readonly SqliteDatabase _db;

    public InventoryStore(string path)
    {
        _db = SqliteDatabase.Open(path);
        _db.ExecuteScript("""
            CREATE TABLE IF NOT EXISTS inventory(
              item_id TEXT NOT NULL, date TEXT NOT NULL, capacity INTEGER NOT NULL,
              held INTEGER NOT NULL DEFAULT 0, sold INTEGER NOT NULL DEFAULT 0,
              PRIMARY KEY(item_id, date)) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS holds(
              id TEXT PRIMARY KEY, item_id TEXT NOT NULL, date TEXT NOT NULL, nights INTEGER NOT NULL,
              quantity INTEGER NOT NULL, status TEXT NOT NULL, order_id TEXT, expires_at INTEGER NOT NULL, created_at INTEGER NOT NULL);
            CREATE UNIQUE INDEX IF NOT EXISTS holds_order ON holds(order_id) WHERE order_id IS NOT NULL;
            CREATE INDEX IF NOT EXISTS holds_expiry ON holds(status, expires_at);
            """);
    }

    /// <summary>Holds stock on each night from <paramref name="firstDate"/>; null when any night lacks it. Idempotent per order.</summary>
    public Hold? TryHold(string itemId, DateOnly firstDate, int nights, int quantity, int capacity, string? orderId, DateTimeOffset now)
    {
        return _db.InTransaction(db =>
        {
            if (orderId is not null)
            {
                var existing = db.Query("SELECT id, item_id, date, nights, quantity, status, expires_at FROM holds WHERE order_id = ?", ReadHold, orderId);
                if (existing.Count > 0)
                {
                    return existing[0];
                }
            }

            var dates = Nights(firstDate, nights);
            foreach (var date in dates)
            {
                db.Execute("INSERT OR IGNORE INTO inventory(item_id, date, capacity) VALUES (?, ?, ?)", itemId, date, capacity);
                var free = db.Query("SELECT capacity - held - sold FROM inventory WHERE item_id = ? AND date = ?", r => r.GetInt64(0), itemId, date)[0];
                if (free < quantity)
                {
                    return null;
                }
            }

            foreach (var date in dates)
            {
                db.Execute("UPDATE inventory SET held = held + ? WHERE item_id = ? AND date = ?", quantity, itemId, date);
            }

            var hold = new Hold("hold-" + Guid.NewGuid().ToString("N")[..16], itemId, dates[0], nights, quantity, "held", (now + HoldTime).ToUnixTimeMilliseconds());
            db.Execute(
                "INSERT INTO holds(id, item_id, date, nights, quantity, status, order_id, expires_at, created_at) VALUES (?, ?, ?, ?, ?, 'held', ?, ?, ?)",
                hold.Id, itemId, hold.Date, nights, quantity, orderId, hold.ExpiresAtUnixMs, now.ToUnixTimeMilliseconds());
            return hold;
        });
    }

    public Hold? Find(string holdId) =>
        _db.Query("SELECT id, item_id, date, nights, quantity, status, expires_at FROM holds WHERE id = ?", ReadHold, holdId).FirstOrDefault();

    /// <summary>Turns held stock into sold stock. Returns the hold as it ends up, or null when unknown.</summary>
    public Hold? Confirm(string holdId) => Transition(holdId, "confirmed", "held = held - ?1, sold = sold + ?1");

    /// <summary>Returns held stock. Returns the hold as it ends up, or null when unknown.</summary>
    public Hold? Release(string holdId, string status = "released") => Transition(holdId, status, "held = held - ?1");

    /// <summary>Releases every hold whose time ran out; returns how many.</summary>
    public int ExpireDue(DateTimeOffset now)
    {
        var due = _db.Query("SELECT id FROM holds WHERE status = 'held' AND expires_at < ? LIMIT 500", r => r.GetString(0), now.ToUnixTimeMilliseconds());
        return due.Count(id => Release(id, "expired")?.Status == "expired");
    }

    public void Dispose() => _db.Dispose();

    private Hold? Transition(string holdId, string status, string inventoryChange)
    {
        return _db.InTransaction(db =>
        {
            var hold = db.Query("SELECT id, item_id, date, nights, quantity, status, expires_at FROM holds WHERE id = ?", ReadHold, holdId).FirstOrDefault();
            if (hold is null || hold.Status != "held")
            {
                return hold;
            }

            foreach (var date in Nights(DateOnly.ParseExact(hold.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture), hold.Nights))
            {
                db.Execute($"UPDATE inventory SET {inventoryChange} WHERE item_id = ?2 AND date = ?3", hold.Quantity, hold.ItemId, date);
            }

            db.Execute("UPDATE holds SET status = ? WHERE id = ?", status, holdId);
            return hold with { Status = status };
        });
    }

    private static List<string> Nights(DateOnly first, int nights) =>
        [.. Enumerable.Range(0, nights).Select(i => first.AddDays(i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))];

    private static Hold ReadHold(SqliteRow r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt32(3), r.GetInt32(4), r.GetString(5), r.GetInt64(6));
}
