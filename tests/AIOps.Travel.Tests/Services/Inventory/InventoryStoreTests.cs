using AIOps.Travel.Services.Inventory;

namespace AIOps.Travel.Tests.Services.Inventory;

public sealed class InventoryStoreTests : IDisposable
{
    private static readonly DateTimeOffset s_now = new(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly s_date = new(2026, 12, 24);
    private readonly string _path = Path.Combine(Directory.CreateTempSubdirectory("aiops-inventory-").FullName, "inventory.db");

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(_path)!, recursive: true);

    [Fact]
    public async Task TryHold_TwoReplicasRacingForTheLastRooms_NeverOversell()
    {
        using var replicaA = new InventoryStore(_path);
        using var replicaB = new InventoryStore(_path);

        var attempts = Enumerable.Range(0, 40).Select(i => Task.Run(() =>
            (i % 2 == 0 ? replicaA : replicaB).TryHold("H-PAR-1", s_date, nights: 2, quantity: 1, capacity: 25, orderId: null, s_now)));
        var holds = await Task.WhenAll(attempts);

        holds.Count(h => h is not null).Should().Be(25);
    }

    [Fact]
    public void Confirm_ThenRelease_ReleaseIsRefusedAndStockStaysSold()
    {
        using var store = new InventoryStore(_path);
        var hold = store.TryHold("F-CDGJFK-20261224-1", s_date, 1, 2, capacity: 2, orderId: "bk-01-a", s_now)!;

        store.Confirm(hold.Id)!.Status.Should().Be("confirmed");
        store.Release(hold.Id)!.Status.Should().Be("confirmed");

        store.TryHold("F-CDGJFK-20261224-1", s_date, 1, 1, capacity: 2, orderId: null, s_now).Should().BeNull("both seats are sold");
    }

    [Fact]
    public void TryHold_SameOrderTwice_ReturnsTheFirstHold()
    {
        using var store = new InventoryStore(_path);

        var first = store.TryHold("H-PAR-2", s_date, 1, 1, 10, "bk-02-x", s_now)!;
        var second = store.TryHold("H-PAR-2", s_date, 1, 1, 10, "bk-02-x", s_now)!;

        second.Id.Should().Be(first.Id);
    }

    [Fact]
    public void ExpireDue_UnpaidHold_ReturnsItsStock()
    {
        using var store = new InventoryStore(_path);
        var hold = store.TryHold("H-PAR-3", s_date, 3, 1, capacity: 1, orderId: null, s_now)!;
        store.TryHold("H-PAR-3", s_date.AddDays(1), 1, 1, capacity: 1, orderId: null, s_now).Should().BeNull();

        store.ExpireDue(s_now + InventoryStore.HoldTime + TimeSpan.FromSeconds(1)).Should().Be(1);

        store.Find(hold.Id)!.Status.Should().Be("expired");
        store.TryHold("H-PAR-3", s_date.AddDays(1), 1, 1, capacity: 1, orderId: null, s_now).Should().NotBeNull();
    }
}
