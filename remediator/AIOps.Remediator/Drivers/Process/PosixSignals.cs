using System.Runtime.InteropServices;

namespace AIOps.Remediator.Drivers.Process;

/// <summary>SIGTERM for a graceful stop (.NET's Process.Kill only sends SIGKILL on Unix).</summary>
internal static partial class PosixSignals
{
    public const int SigTerm = 15;

    public static bool Terminate(int pid) => OperatingSystem.IsWindows() ? false : Kill(pid, SigTerm) == 0;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
