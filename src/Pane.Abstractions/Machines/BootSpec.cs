namespace Pane.Machines;

/// <summary>How the guest kernel is started: direct kernel boot, with no firmware boot loader.</summary>
/// <param name="KernelPath">The kernel image (a bzImage).</param>
/// <param name="InitramfsPath">The initramfs, if any.</param>
/// <param name="CommandLine">The kernel command line.</param>
public sealed record BootSpec(string KernelPath, string? InitramfsPath, string CommandLine);
