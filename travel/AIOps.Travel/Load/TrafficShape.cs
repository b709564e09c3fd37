namespace AIOps.Travel.Load;

/// <summary>
/// The request-rate shape of a travel site over a simulated week, as a multiplier around 1: a night
/// trough, a morning and a larger evening peak, a weekly rhythm (busy Mondays and Sundays evenings,
/// quieter Saturdays), and flash sales that triple traffic for a while. Pure: the same time gives the
/// same value; noise is added by the caller.
/// </summary>
public sealed class TrafficShape
{
    /// <summary>Weekday factors, Monday first.</summary>
    private static readonly double[] s_weekly = [1.08, 1.02, 1.0, 1.0, 0.97, 0.86, 1.07];

    private readonly IReadOnlyList<FlashSale> _flashSales;

    public TrafficShape(IReadOnlyList<FlashSale> flashSales) => _flashSales = flashSales;

    public IReadOnlyList<FlashSale> FlashSales => _flashSales;

    /// <summary>The daily curve at an hour of day in [0, 24): about 0.25 at 4 am, 1.6 at 8 pm.</summary>
    public static double Daily(double hourOfDay)
    {
        var night = 0.22;
        var morning = 1.0 * Gaussian(hourOfDay, 9.5, 1.6);
        var lunch = 0.35 * Gaussian(hourOfDay, 13, 1.2);
        var evening = 1.35 * (Gaussian(hourOfDay, 20, 2.0) + Gaussian(hourOfDay + 24, 20, 2.0) + Gaussian(hourOfDay - 24, 20, 2.0));
        var day = 0.45 * Sigmoid((hourOfDay - 7) * 1.5) * Sigmoid((23 - hourOfDay) * 1.5);
        return night + morning + lunch + evening + day;
    }

    public static double Weekly(int dayOfWeekMondayZero) => s_weekly[((dayOfWeekMondayZero % 7) + 7) % 7];

    /// <summary>The multiplier at a simulated time, in hours since Monday 00:00 (any non-negative value).</summary>
    public double At(double simulatedHours)
    {
        var hourOfWeek = simulatedHours % (24 * 7);
        var day = (int)(hourOfWeek / 24);
        var value = Daily(hourOfWeek - (day * 24)) * Weekly(day);
        foreach (var sale in _flashSales)
        {
            value *= sale.Multiplier(simulatedHours);
        }

        return value;
    }

    /// <summary>The mean of <see cref="At"/> over [from, to) simulated hours, by the midpoint rule.</summary>
    public double Mean(double fromHours, double toHours, int steps = 4096)
    {
        var width = (toHours - fromHours) / steps;
        var sum = 0.0;
        for (var i = 0; i < steps; i++)
        {
            sum += At(fromHours + ((i + 0.5) * width));
        }

        return sum / steps;
    }

    /// <summary>Flash sales placed at random afternoon and evening hours, one per simulated day on average.</summary>
    public static IReadOnlyList<FlashSale> RandomFlashSales(Random random, double fromHours, double toHours, double perDay)
    {
        var sales = new List<FlashSale>();
        if (perDay <= 0)
        {
            return sales;
        }

        for (var dayStart = Math.Floor(fromHours / 24) * 24; dayStart < toHours; dayStart += 24)
        {
            var count = (int)Math.Floor(perDay) + (random.NextDouble() < perDay % 1 ? 1 : 0);
            for (var i = 0; i < count; i++)
            {
                var start = dayStart + 11 + (random.NextDouble() * 9);
                sales.Add(new FlashSale(start, DurationHours: 0.5, Peak: 3.0));
            }
        }

        return sales;
    }

    private static double Gaussian(double x, double mean, double sigma) => Math.Exp(-0.5 * Math.Pow((x - mean) / sigma, 2));

    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));
}
