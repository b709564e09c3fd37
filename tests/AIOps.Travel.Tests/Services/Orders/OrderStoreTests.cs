using AIOps.Travel.Services.Contracts;
using AIOps.Travel.Services.Orders;

namespace AIOps.Travel.Tests.Services.Orders;

public sealed class OrderStoreTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("aiops-orders-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static Booking Booking(string id, string user) =>
        new(id, user, "hotel", "H-PAR-1", "2026-12-01", 2, 1, 380m, "EUR", "pending", null, null, 1, 1);

    [Fact]
    public void Shards_ThousandUsers_SpreadOverAllSixteenShards()
    {
        var perShard = Enumerable.Range(1, 1600).GroupBy(n => OrderStore.ShardOf($"u{n}")).ToDictionary(g => g.Key, g => g.Count());

        perShard.Keys.Should().BeEquivalentTo(Enumerable.Range(0, OrderStore.ShardCount));
        perShard.Values.Should().OnlyContain(c => c > 60 && c < 140);
    }

    [Fact]
    public void NewId_NamesTheUsersShard_AndLookupFindsItThere()
    {
        using var store = new OrderStore(_directory);
        var ids = Enumerable.Range(1, 64).Select(n => (User: $"u{n}", Id: OrderStore.NewId($"u{n}"))).ToList();
        foreach (var (user, id) in ids)
        {
            OrderStore.ShardOfId(id).Should().Be(OrderStore.ShardOf(user));
            store.Insert(Booking(id, user), "hold-1");
        }

        foreach (var (user, id) in ids)
        {
            store.Find(id)!.UserId.Should().Be(user);
        }

        Directory.GetFiles(Path.Combine(_directory, "orders"), "orders-*.db").Should().HaveCount(OrderStore.ShardCount);
    }

    [Fact]
    public void Update_ThenReopen_StatusIsDurable()
    {
        var id = OrderStore.NewId("u7");
        using (var store = new OrderStore(_directory))
        {
            var booking = Booking(id, "u7");
            store.Insert(booking, "hold-1");
            store.Update(booking, "confirmed", "pay-1", null, 5);
        }

        using var reopened = new OrderStore(_directory);
        var found = reopened.Find(id)!;
        found.Status.Should().Be("confirmed");
        found.PaymentId.Should().Be("pay-1");
        reopened.ForUser("u7", 10).Should().ContainSingle();
    }

    [Theory]
    [InlineData("nonsense")]
    [InlineData("bk-99-abc")]
    [InlineData("bk-x1-abc")]
    public void Find_MalformedId_IsNotFound(string id)
    {
        using var store = new OrderStore(_directory);

        OrderStore.ShardOfId(id).Should().Be(-1);
        store.Find(id).Should().BeNull();
    }
}
