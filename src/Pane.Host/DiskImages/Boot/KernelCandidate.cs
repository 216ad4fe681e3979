namespace Pane.Host.DiskImages.Boot;

/// <summary>A kernel file in a boot folder and the initramfs that goes with it.</summary>
/// <param name="Version">The part of the file name after <c>vmlinuz-</c>.</param>
/// <param name="KernelPath">The kernel's path.</param>
/// <param name="InitramfsPath">The matching initramfs's path, or <see langword="null"/>.</param>
internal sealed record KernelCandidate(string Version, string KernelPath, string? InitramfsPath);
