using System.Runtime.InteropServices;

namespace Pane.Host.Platform;

/// <summary>The few kernel32 calls the host facts need; call them only on Windows.</summary>
internal static class WindowsNative
{
    /// <summary><c>PF_VIRT_FIRMWARE_ENABLED</c>: virtualization is enabled in the firmware and offered by Windows.</summary>
    public const int ProcessorFeatureVirtualizationFirmwareEnabled = 21;

    /// <summary>Reads the total physical memory with <c>GlobalMemoryStatusEx</c>.</summary>
    /// <returns>The bytes, or <see langword="null"/> when the call fails.</returns>
    public static long? ReadTotalPhysicalMemory()
    {
        var status = new MemoryStatus { Length = (uint)Marshal.SizeOf<MemoryStatus>() };
        return GlobalMemoryStatusEx(ref status) && status.TotalPhysical > 0 ? (long)status.TotalPhysical : null;
    }

    /// <summary>Calls <c>IsProcessorFeaturePresent</c>.</summary>
    /// <param name="feature">The <c>PF_*</c> feature.</param>
    /// <returns>Whether the feature is present.</returns>
    public static bool IsProcessorFeaturePresent(int feature) => IsProcessorFeaturePresentNative(feature) != 0;

    [DllImport("kernel32.dll", EntryPoint = "GlobalMemoryStatusEx", ExactSpelling = true, SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static extern bool GlobalMemoryStatusEx(ref MemoryStatus buffer);

    [DllImport("kernel32.dll", EntryPoint = "IsProcessorFeaturePresent", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    private static extern int IsProcessorFeaturePresentNative(int processorFeature);

    /// <summary><c>MEMORYSTATUSEX</c>.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct MemoryStatus
    {
        public uint Length;
        public uint MemoryLoad;
        public ulong TotalPhysical;
        public ulong AvailablePhysical;
        public ulong TotalPageFile;
        public ulong AvailablePageFile;
        public ulong TotalVirtual;
        public ulong AvailableVirtual;
        public ulong AvailableExtendedVirtual;
    }
}
