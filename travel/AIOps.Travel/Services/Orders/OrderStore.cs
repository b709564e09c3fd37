using System.Globalization;
using AIOps.Travel.Hashing;
using AIOps.Travel.Services.Contracts;
using AIOps.Travel.Storage;

namespace AIOps.Travel.Services.Orders;

/// <summary>
/// Orders kept in <see cref="ShardCount"/> SQLite shards by user id. The shard is part of the booking
/// id (bk-07-...), so a look-up by id goes straight to its shard.
/// </summary>
internal sealed class OrderStore : IDisposable
{
    public const int ShardCount = 16;
    private const string Columns = "id, user_id, type, item_id, date, nights, quantity, total, currency, status, payment_id, reason, created_at, updated_at";

    private readonly SqliteDatabase[] _shards;

    public OrderStore(string directory)
    {
        _shards = new SqliteDatabase[ShardCount];
        for (var i = 0; i < ShardCount; i++)
        {
            _shards[i] = SqliteDatabase.Open(Path.Combine(directory, "orders", $"orders-{i.ToString("D2", CultureInfo.InvariantCulture)}.db"));
            _shards[i].ExecuteScript($"""
                CREATE TABLE IF NOT EXISTS orders(
                  id TEXT PRIMARY KEY, user_id TEXT NOT NULL, type TEXT NOT NULL, item_id TEXT NOT NULL, date TEXT NOT NULL,
                  nights INTEGER NOT NULL, quantity INTEGER NOT NULL, total REAL NOT NULL, currency TEXT NOT NULL,
                  status TEXT NOT NULL, payment_id TEXT, reason TEXT, hold_id TEXT, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL);
                CREATE INDEX IF NOT EXISTS orders_user ON orders(user_id, created_at);
                """);
        }
    }

    public static int ShardOf(string userId) => (int)(StableHash.Of(userId) % ShardCount);

    public static string NewId(string userId) =>
        $"bk-{ShardOf(userId).ToString("D2", CultureInfo.InvariantCulture)}-{Guid.NewGuid():N}";

    /// <summary>The shard a booking id names, or -1 when the id is malformed.</summary>
    public static int ShardOfId(string bookingId) =>
        bookingId.Length > 6 && bookingId.StartsWith("bk-", StringComparison.Ordinal) && bookingId[5] == '-'
        && int.TryParse(bookingId.AsSpan(3, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var shard) && shard < ShardCount
            ? shard : -1;

    public void Insert(Booking booking, string? holdId) =>
        _shards[ShardOf(booking.UserId)].Execute(
            $"INSERT INTO orders({Columns}, hold_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            booking.BookingId, booking.UserId, booking.Type, booking.ItemId, booking.Date, booking.Nights, booking.Quantity,
            booking.Total, booking.Currency, booking.Status, booking.PaymentId, booking.Reason, booking.CreatedAtUnixMs, booking.UpdatedAtUnixMs, holdId);

    public Booking Update(Booking booking, string status, string? paymentId, string? reason, long nowMs)
    {
        _shards[ShardOf(booking.UserId)].Execute(
            "UPDATE orders SET status = ?, payment_id = ?, reason = ?, updated_at = ? WHERE id = ?",
            status, paymentId, reason, nowMs, booking.BookingId);
        return booking with { Status = status, PaymentId = paymentId, Reason = reason, UpdatedAtUnixMs = nowMs };
    }

    public Booking? Find(string bookingId)
    {
        var shard = ShardOfId(bookingId);
        return shard < 0 ? null : _shards[shard].Query($"SELECT {Columns} FROM orders WHERE id = ?", Read, bookingId).FirstOrDefault();
    }

    public IReadOnlyList<Booking> ForUser(string userId, int limit) =>
        _shards[ShardOf(userId)].Query($"SELECT {Columns} FROM orders WHERE user_id = ? ORDER BY created_at DESC LIMIT ?", Read, userId, limit);

    public void Dispose()
    {
        foreach (var shard in _shards)
        {
            shard.Dispose();
        }
    }

    private static Booking Read(SqliteRow r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetInt32(5), r.GetInt32(6),
            r.GetDecimal(7), r.GetString(8), r.GetString(9), r.GetStringOrNull(10), r.GetStringOrNull(11), r.GetInt64(12), r.GetInt64(13));
}
