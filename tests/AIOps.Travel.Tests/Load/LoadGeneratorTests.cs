using AIOps.Testing;
using System.Collections.Concurrent;
using AIOps.Travel.Load;
using AIOps.Travel.Services.Catalog;
using AIOps.Travel.Services.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace AIOps.Travel.Tests.Load;

/// <summary>The generator against a stand-in gateway that answers like the real one.</summary>
public sealed class LoadGeneratorTests : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);
    private WebApplication _gateway = null!;

    public async Task InitializeAsync()
    {
        _gateway = await LoopbackApp.StartAsync(Map);
    }

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    private void Map(WebApplication gateway)
    {
        gateway.Use((context, next) =>
        {
            _calls.AddOrUpdate(context.Request.Method + " " + context.Request.Path.Value!.Split('/')[2], 1, (_, n) => n + 1);
            return next(context);
        });
        gateway.MapGet("/api/catalog", () => new CatalogInfo(TravelCatalog.Cities));
        gateway.MapGet("/api/hotels", (string city) => TravelCatalog.HotelsIn(TravelCatalog.FindCity(city)!));
        gateway.MapGet("/api/flights", (string from, string to, string date) => TravelCatalog.FlightsOn(from, to, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));
        gateway.MapPost("/api/quotes", (QuoteRequest q) => new Quote(q.Type!, q.ItemId!, q.Date!, 1, 1, 100, 0, 100, "EUR", []));
        gateway.MapPost("/api/bookings", (BookingRequest b) => Results.Created("/api/bookings/bk-01-x", new Booking("bk-01-x", b.UserId!, b.Type!, b.ItemId!, b.Date!, 1, 1, 100, "EUR", "confirmed", "pay-1", null, 0, 0)));
        gateway.MapGet("/api/bookings/{id}", (string id) => new Booking(id, "u1", "hotel", "H-PAR-1", "2026-12-01", 1, 1, 100, "EUR", "confirmed", "pay-1", null, 0, 0));
        gateway.MapGet("/api/bookings", () => Array.Empty<Booking>());
    }

    [Fact]
    public async Task Run_ThreeSecondsOfACompressedDay_SendsEveryScheduledRequestInShapedJourneys()
    {
        var options = new LoadOptions
        {
            Target = new Uri(_gateway.Urls.First() + "/"),
            TargetQps = 80,
            Duration = TimeSpan.FromSeconds(3),
            DayMinutes = 0.05,
            StartHours = 0,
            Noise = 0,
            Seed = 3,
        };
        using var http = new HttpClient();
        var seconds = new List<SecondStats>();

        var report = await new LoadGenerator(options, http).RunAsync(seconds.Add, CancellationToken.None);

        report.Dropped.Should().Be(0);
        report.Sent.Should().Be(report.Scheduled);
        report.Completed.Should().Be(report.Sent);
        report.Errors.Should().Be(0);
        report.Scheduled.Should().BeCloseTo(240, 12, "the run's mean rate is the target");
        report.PerSecond.Should().HaveCount(3);
        report.PerSecond.Max(s => s.Expected).Should().BeGreaterThan(1.5 * report.PerSecond.Min(s => s.Expected), "a day's night and evening differ");
        report.Endpoints.Select(e => e.Endpoint).Should().Contain(["search-hotels", "search-flights", "quote", "book", "get-booking"]);
        _calls.Keys.Should().Contain(["GET catalog", "POST bookings", "POST quotes"]);
    }

    [Fact]
    public void Validate_BadOptions_NameTheOption()
    {
        new LoadOptions { TargetQps = 0 }.Validate().Should().Contain("--qps");
        new LoadOptions { DayMinutes = 0 }.Validate().Should().Contain("--day-minutes");
        new LoadOptions { StartHours = 200 }.Validate().Should().Contain("--start-hour");
        new LoadOptions { FlashSalesAt = [TimeSpan.FromSeconds(-1)] }.Validate().Should().Contain("--flash-sale-at");
        new LoadOptions().Validate().Should().BeNull();
    }

    [Fact]
    public void AnnouncedFlashSales_StartAtTheirRealTimeInSimulatedHours()
    {
        // A simulated day every 480 real minutes: 3x; ten real minutes after a 14:00 start is 14:30.
        var options = new LoadOptions { DayMinutes = 480, StartHours = 14, FlashSalesAt = [TimeSpan.FromMinutes(10)] };

        var sale = options.AnnouncedFlashSales().Should().ContainSingle().Subject;

        sale.StartHours.Should().BeApproximately(14.5, 1e-9);
        sale.Multiplier(14.5 + 0.05).Should().BeApproximately(3, 1e-9, "the top, a tenth of the way in");
    }
}
