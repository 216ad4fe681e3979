using System.Runtime.InteropServices;
using Pane.Platform;

namespace Pane.Host.Platform;

/// <summary>The <see cref="IHostPlatform"/> of the machine this process runs on.</summary>
internal sealed class HostPlatform : IHostPlatform
{
    /// <inheritdoc/>
    public HostOperatingSystem OperatingSystem { get; } =
        System.OperatingSystem.IsWindows() ? HostOperatingSystem.Windows
        : System.OperatingSystem.IsLinux() ? HostOperatingSystem.Linux
        : System.OperatingSystem.IsMacOS() ? HostOperatingSystem.MacOS
        : HostOperatingSystem.Other;

    /// <inheritdoc/>
    public int LogicalProcessorCount => Environment.ProcessorCount;

    /// <inheritdoc/>
    /// <remarks>Physical memory, not what the GC may use: <c>/proc/meminfo</c> on Linux, <c>GlobalMemoryStatusEx</c> on Windows.</remarks>
    public long? PhysicalMemoryBytes => PhysicalMemory.TotalBytes;

    /// <inheritdoc/>
    public string HostDirectory => AppContext.BaseDirectory;

    /// <inheritdoc/>
    public string? GetEnvironmentVariable(string name)
    {
        var value = Environment.GetEnvironmentVariable(name);
        return string.IsNullOrEmpty(value) ? null : value;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{OperatingSystem} {RuntimeInformation.OSArchitecture}";
}
