namespace AIOps.Dashboard.Healing;

/// <summary>What `aiops eval heal` puts the demo through.</summary>
public enum HealScenario
{
    /// <summary>A memory leak in one hotel replica: detected, ranked, healed by restarting that replica.</summary>
    Leak,

    /// <summary>A flash sale tripling traffic over three minutes: absorbed by scaling out ahead of it, and scaled back in after.</summary>
    Surge,

    /// <summary>An hour of accelerated traffic with no fault (daily peaks and flash sales included): no incident, no action.</summary>
    Quiet,
}
