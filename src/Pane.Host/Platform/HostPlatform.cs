using System.Runtime.InteropServices;
using Pane.Platform;

namespace Pane.Host.Platform;

/// <summary>The <see cref="IHostPlatform"/> of the machine this process runs on.</summary>
internal sealed class HostPlatform : IHostPlatform
{
    public HostOperatingSystem OperatingSystem { get; } =
        System.OperatingSystem.IsWindows() ? HostOperatingSystem.Windows
        : System.OperatingSystem.IsLinux() ? HostOperatingSystem.Linux
        : System.OperatingSystem.IsMacOS() ? HostOperatingSystem.MacOS
        : HostOperatingSystem.Other;

    public int LogicalProcessorCount => Environment.ProcessorCount;

    public long? PhysicalMemoryBytes => PhysicalMemory.TotalBytes;

    public string HostDirectory => AppContext.BaseDirectory;

    public string? GetEnvironmentVariable(string name)
    {
        var value = Environment.GetEnvironmentVariable(name);
        return string.IsNullOrEmpty(value) ? null : value;
    }

    public override string ToString() => $"{OperatingSystem} {RuntimeInformation.OSArchitecture}";
}
