namespace AIOps.Remediator.Drivers.Process;

/// <summary>Where a supervised process is in its life.</summary>
public enum ProcessState
{
    Running,

    /// <summary>Ended on its own (a crash, or a clean exit nobody asked for).</summary>
    Exited,

    /// <summary>Stopped by the supervisor.</summary>
    Stopped,
}
