using System.Runtime.InteropServices;

namespace Pane.Runtime.Native.Hypervisors.Kvm;

/// <summary>The libc calls and KVM ioctl numbers (x86-64 values of <c>linux/kvm.h</c>) the KVM backend uses.</summary>
internal static unsafe partial class KvmNative
{
#pragma warning disable CS1591 // ioctl numbers and constants, named after linux/kvm.h.
    public const nuint GetApiVersion = 0xAE00;
    public const nuint CreateVm = 0xAE01;
    public const nuint CheckExtension = 0xAE03;
    public const nuint GetVcpuMmapSize = 0xAE04;
    public const nuint GetSupportedCpuid = 0xC008AE05;
    public const nuint CreateVcpu = 0xAE41;
    public const nuint SetUserMemoryRegion = 0x4020AE46;
    public const nuint SetTssAddress = 0xAE47;
    public const nuint SetGsiRouting = 0x4008AE6A;
    public const nuint Run = 0xAE80;
    public const nuint GetRegisters = 0x8090AE81;
    public const nuint SetRegisters = 0x4090AE82;
    public const nuint GetSpecialRegisters = 0x8138AE83;
    public const nuint SetSpecialRegisters = 0x4138AE84;
    public const nuint SetMsrs = 0x4008AE89;
    public const nuint GetLocalApic = 0x8400AE8E;
    public const nuint SetLocalApic = 0x4400AE8F;
    public const nuint SetCpuid2 = 0x4008AE90;
    public const nuint EnableCapability = 0x4068AEA3;
    public const nuint SignalMsi = 0x4020AEA5;

    public const int ApiVersion = 12;
    public const int CapabilitySplitIrqchip = 121;
    public const int CapabilityIrqRouting = 25;
    public const int CapabilitySignalMsi = 77;
    public const int CapabilityTscDeadlineTimer = 72;
    public const uint RoutingMsi = 2;

    public const uint ExitIo = 2;
    public const uint ExitHlt = 5;
    public const uint ExitMmio = 6;
    public const uint ExitShutdown = 8;
    public const uint ExitFailEntry = 9;
    public const uint ExitInterrupted = 10;
    public const uint ExitInternalError = 17;
    public const uint ExitSystemEvent = 24;
    public const uint ExitIoApicEoi = 26;

    public const int OpenReadWrite = 0x2;
    public const int OpenCloseOnExec = 0x80000;
    public const int ProtectReadWrite = 0x3;
    public const int MapShared = 0x1;
    public const int ErrorInterrupted = 4;
    public const int ErrorTryAgain = 11;
    public const int ErrorTooBig = 7;

    /// <summary>The signal that kicks a vCPU thread out of <c>KVM_RUN</c>: SIGUSR2.</summary>
    public const int KickSignal = 12;
#pragma warning restore CS1591

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);

    [LibraryImport("libc", EntryPoint = "ioctl", SetLastError = true)]
    public static partial int IoControl(int fd, nuint request, nint argument);

    [LibraryImport("libc", EntryPoint = "ioctl", SetLastError = true)]
    public static partial int IoControl(int fd, nuint request, void* argument);

    [LibraryImport("libc", EntryPoint = "mmap", SetLastError = true)]
    public static partial void* MapMemory(void* address, nuint length, int protection, int flags, int fd, nint offset);

    [LibraryImport("libc", EntryPoint = "munmap", SetLastError = true)]
    public static partial int UnmapMemory(void* address, nuint length);

    [LibraryImport("libc", EntryPoint = "getpid")]
    public static partial int GetProcessId();

    [LibraryImport("libc", EntryPoint = "gettid")]
    public static partial int GetThreadId();

    [LibraryImport("libc", EntryPoint = "tgkill", SetLastError = true)]
    public static partial int SignalThread(int processId, int threadId, int signal);

    [LibraryImport("libc", EntryPoint = "strerror")]
    private static partial nint StrError(int error);

    /// <summary>Throws for a failed call, with its errno.</summary>
    /// <param name="result">The call's return value.</param>
    /// <param name="operation">The operation's name.</param>
    /// <returns><paramref name="result"/> when it is not negative.</returns>
    /// <exception cref="HypervisorException">The call failed.</exception>
    public static int Check(int result, string operation)
    {
        if (result >= 0)
        {
            return result;
        }

        var error = Marshal.GetLastPInvokeError();
        throw new HypervisorException(operation, error, Describe(error));
    }

    /// <summary>Describes an errno value as the C library does.</summary>
    /// <param name="error">The errno.</param>
    /// <returns>Its text and number.</returns>
    public static string Describe(int error) => $"{Marshal.PtrToStringUTF8(StrError(error)) ?? "unknown error"} (errno {error})";
}
