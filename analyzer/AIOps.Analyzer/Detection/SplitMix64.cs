namespace AIOps.Analyzer.Detection;

/// <summary>
/// A small, fast, seeded pseudo-random generator (SplitMix64, Steele, Lea and Flood 2014): the same seed gives the
/// same numbers on every platform and runtime version, at a few cycles a number, which matters when growing a forest
/// takes tens of thousands of them. Not for anything secret.
/// </summary>
internal struct SplitMix64(ulong seed)
{
    private ulong _state = seed;

    public ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, 1), with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [0, <paramref name="count"/>) by a multiply and shift (its bias, below 2^-32, does not matter here).</summary>
    public int Next(int count) => (int)(((NextUInt64() >> 32) * (ulong)count) >> 32);
}
