namespace AIOps.Travel.Load;

/// <summary>A flash sale: traffic jumps to <paramref name="Peak"/> times normal within minutes, then decays.</summary>
/// <param name="StartHours">Simulated hours since Monday 00:00.</param>
/// <param name="DurationHours">Simulated hours until traffic is back to normal.</param>
/// <param name="Peak">The multiplier at the top.</param>
public sealed record FlashSale(double StartHours, double DurationHours, double Peak)
{
    public double Multiplier(double hours)
    {
        var t = (hours - StartHours) / DurationHours;
        if (t is < 0 or >= 1)
        {
            return 1;
        }

        // A fast rise over the first 10 % and an exponential decay after it.
        var shape = t < 0.1 ? t / 0.1 : Math.Exp(-4 * (t - 0.1));
        return 1 + ((Peak - 1) * shape);
    }

    public bool IsActive(double hours) => hours >= StartHours && hours < StartHours + DurationHours;
}
