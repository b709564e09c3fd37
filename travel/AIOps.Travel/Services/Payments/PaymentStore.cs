using AIOps.Travel.Services.Contracts;
using AIOps.Travel.Storage;

namespace AIOps.Travel.Services.Payments;

/// <summary>Payments, one per order: a retried charge returns the first outcome instead of charging twice.</summary>
internal sealed class PaymentStore : IDisposable
{
    private readonly SqliteDatabase _db;

    public PaymentStore(string path)
    {
        _db = SqliteDatabase.Open(path);
        _db.ExecuteScript("""
            CREATE TABLE IF NOT EXISTS payments(
              id TEXT PRIMARY KEY, order_id TEXT NOT NULL UNIQUE, user_id TEXT NOT NULL, amount REAL NOT NULL,
              currency TEXT NOT NULL, status TEXT NOT NULL, reason TEXT, created_at INTEGER NOT NULL);
            """);
    }

    public Payment? FindByOrder(string orderId) =>
        _db.Query("SELECT id, order_id, status, reason, amount, currency, created_at FROM payments WHERE order_id = ?", Read, orderId).FirstOrDefault();

    public Payment? Find(string id) =>
        _db.Query("SELECT id, order_id, status, reason, amount, currency, created_at FROM payments WHERE id = ?", Read, id).FirstOrDefault();

    /// <summary>Records the payment unless one exists for the order; returns the one that stands.</summary>
    public Payment Record(Payment payment, string userId)
    {
        _db.Execute(
            "INSERT OR IGNORE INTO payments(id, order_id, user_id, amount, currency, status, reason, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            payment.Id, payment.OrderId, userId, payment.Amount, payment.Currency, payment.Status, payment.Reason, payment.CreatedAtUnixMs);
        return FindByOrder(payment.OrderId)!;
    }

    public void Dispose() => _db.Dispose();

    private static Payment Read(SqliteRow r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetStringOrNull(3), r.GetDecimal(4), r.GetString(5), r.GetInt64(6));
}
