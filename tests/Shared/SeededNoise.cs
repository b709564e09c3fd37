namespace AIOps.Testing;

/// <summary>Standard normal noise from a seeded <see cref="Random"/> (Box-Muller), so synthetic series repeat.</summary>
public static class SeededNoise
{
    public static double Gaussian(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
    }
}
