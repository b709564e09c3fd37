namespace AIOps.Dashboard.Model;

/// <summary>How a service (or a call between two) stands against its objective; the names are the pages' CSS classes.</summary>
public enum HealthState
{
    /// <summary>Within its objective.</summary>
    Ok,

    /// <summary>Close to its objective, short of error budget, silent, or part of an open incident.</summary>
    Warn,

    /// <summary>Breaking its objective, or its error budget is spent.</summary>
    Bad,
}
