using Pane.Platform;

namespace Pane.Host.Machines;

/// <summary>The default size of a machine: the host's logical cores in [2, 8] and half its memory in [2048, 8192] MiB.</summary>
internal static class MachineResources
{
    public static int DefaultVirtualCpus(IHostPlatform platform) => Math.Clamp(platform.LogicalProcessorCount, 2, 8);

    public static int DefaultMemoryMiB(IHostPlatform platform) => platform.PhysicalMemoryBytes is { } bytes
        ? (int)Math.Clamp(bytes / 2 / (1024 * 1024), 2048, 8192)
        : 2048;
}
