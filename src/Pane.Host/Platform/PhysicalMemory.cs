using Pane.Host.Platform.Facts;

namespace Pane.Host.Platform;

/// <summary>Reads the host's physical memory: <c>/proc/meminfo</c> on Linux, <c>GlobalMemoryStatusEx</c> on Windows.</summary>
internal static class PhysicalMemory
{
    private static readonly Lazy<long?> s_total = new(Read);

    /// <summary>Gets the total physical memory in bytes, read once per process.</summary>
    public static long? TotalBytes => s_total.Value;

    private static long? Read()
    {
        if (OperatingSystem.IsWindows())
        {
            return WindowsNative.ReadTotalPhysicalMemory();
        }

        if (OperatingSystem.IsLinux())
        {
            try
            {
                return MemInfo.ParseTotalBytes(File.ReadAllText("/proc/meminfo"));
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                return null;
            }
        }

        var total = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        return total > 0 ? total : null;
    }
}
