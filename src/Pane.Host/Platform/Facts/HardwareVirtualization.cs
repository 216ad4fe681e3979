namespace Pane.Host.Platform.Facts;

/// <summary>Whether the CPU offers hardware virtualization to this operating system.</summary>
/// <param name="IsAvailable">Whether it does; <see langword="null"/> when the host cannot tell.</param>
/// <param name="RunsUnderHypervisor">Whether this host is itself a VM; <see langword="null"/> when it cannot tell.</param>
/// <param name="Detail">How it was found, such as <c>vmx flag in /proc/cpuinfo</c>.</param>
internal sealed record HardwareVirtualization(bool? IsAvailable, bool? RunsUnderHypervisor, string Detail);
