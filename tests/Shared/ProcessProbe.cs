using System.Diagnostics;

namespace AIOps.Testing;

/// <summary>Whether an operating-system process still runs (for no-orphan checks).</summary>
public static class ProcessProbe
{
    public static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
