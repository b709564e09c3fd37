namespace AIOps.Benchmarks;

/// <summary>
/// A deterministic stand-in for a service metric scraped every 5 minutes: a daily cycle (busy afternoons, quiet
/// nights), quieter weekends, multiplicative noise, and a few spikes and a level shift so that detectors also take
/// their alerting paths. The same seed gives the same series, so runs compare.
/// </summary>
public static class SyntheticSeries
{
    /// <summary>The step between points: 5 minutes.</summary>
    public const long StepMs = 300_000;

    /// <summary>Points in a day at that step.</summary>
    public const int PointsPerDay = 288;

    /// <summary>The first timestamp: 2024-01-01T00:00Z, a Monday.</summary>
    public const long StartMs = 1_704_067_200_000;

    public static double[] Values(int count, int seed = 42)
    {
        var random = new Random(seed);
        var values = new double[count];
        for (var i = 0; i < count; i++)
        {
            var dayPhase = 2 * Math.PI * (i % PointsPerDay) / PointsPerDay;
            var weekend = (i / PointsPerDay % 7) >= 5 ? 0.6 : 1.0;
            var daily = 1 + (0.6 * Math.Sin(dayPhase - (Math.PI / 2))) + (0.15 * Math.Sin(2 * dayPhase));
            var noise = 1 + (0.05 * Gaussian(random));
            values[i] = 200 * weekend * daily * noise;
        }

        for (var i = count / 3; i < count; i += count / 4)
        {
            values[i] *= 3;
        }

        for (var i = count * 4 / 5; i < count; i++)
        {
            values[i] += 80;
        }

        return values;
    }

    public static long[] Timestamps(int count) => [.. Enumerable.Range(0, count).Select(i => StartMs + (i * StepMs))];

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
