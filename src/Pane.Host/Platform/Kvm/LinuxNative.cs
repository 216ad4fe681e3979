using System.Runtime.InteropServices;
using System.Text;

namespace Pane.Host.Platform.Kvm;

/// <summary>The few libc calls the KVM probe needs. Errors are read with <see cref="Marshal.GetLastPInvokeError"/>.</summary>
internal static class LinuxNative
{
    public const int OpenReadWrite = 0x2;
    public const int OpenCloseOnExec = 0x80000;
    public const int ProtectionReadWrite = 0x3;
    public const int MapShared = 0x1;
    public const int MapAnonymous = 0x20;
    public const int ErrorInterrupted = 4;
    public const int ErrorAccessDenied = 13;
    public const int ErrorPermissionDenied = 1;

    /// <summary>The signal that kicks a vCPU thread out of <c>KVM_RUN</c>: SIGUSR2 on Linux.</summary>
    public const int KickSignal = 12;

    public static readonly nint MapFailed = -1;

    /// <summary>Opens a file, as open(2).</summary>
    /// <param name="path">The path.</param>
    /// <param name="flags">The open flags.</param>
    /// <returns>The file descriptor, or -1 with errno set.</returns>
    public static int Open(string path, int flags) => OpenNative(Encoding.UTF8.GetBytes(path + "\0"), flags);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    public static extern int Close(int fd);

    [DllImport("libc", EntryPoint = "ioctl", SetLastError = true)]
    public static extern int IoControl(int fd, nuint request, nint argument);

    [DllImport("libc", EntryPoint = "ioctl", SetLastError = true)]
    public static extern int IoControl(int fd, nuint request, byte[] argument);

    [DllImport("libc", EntryPoint = "mmap", SetLastError = true)]
    public static extern nint MapMemory(nint address, nuint length, int protection, int flags, int fd, nint offset);

    [DllImport("libc", EntryPoint = "munmap", SetLastError = true)]
    public static extern int UnmapMemory(nint address, nuint length);

    [DllImport("libc", EntryPoint = "getpid")]
    public static extern int GetProcessId();

    [DllImport("libc", EntryPoint = "gettid")]
    public static extern int GetThreadId();

    [DllImport("libc", EntryPoint = "tgkill", SetLastError = true)]
    public static extern int SignalThread(int processId, int threadId, int signal);

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int OpenNative(byte[] path, int flags);

    /// <summary>Reads the CPU time of the calling thread, which includes the time its vCPU spent in the guest.</summary>
    /// <returns>The CPU time, or <see cref="TimeSpan.Zero"/> if the clock cannot be read.</returns>
    public static TimeSpan ThreadCpuTime()
    {
        const int ThreadCpuTimeClock = 3;
        return ClockGetTime(ThreadCpuTimeClock, out var time) == 0
            ? TimeSpan.FromTicks((time.Seconds * TimeSpan.TicksPerSecond) + (time.Nanoseconds / TimeSpan.NanosecondsPerTick))
            : TimeSpan.Zero;
    }

    [DllImport("libc", EntryPoint = "clock_gettime", SetLastError = true)]
    private static extern int ClockGetTime(int clock, out TimeSpecification time);

    [DllImport("libc", EntryPoint = "strerror")]
    private static extern nint StrError(int error);

    /// <summary>Describes an errno value the way the C library does.</summary>
    /// <param name="error">The errno value.</param>
    /// <returns>Its text, such as "Permission denied (errno 13)".</returns>
    public static string Describe(int error) =>
        $"{Marshal.PtrToStringUTF8(StrError(error)) ?? "unknown error"} (errno {error})";

    /// <summary><c>struct timespec</c> on 64-bit Linux.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpecification
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
