namespace Pane.Host.Cli.Doctor;

/// <summary>Whether the CPU offers hardware virtualization, in the output of <c>pane doctor</c>.</summary>
/// <param name="Available">Whether it does; <see langword="null"/> when the host cannot tell.</param>
/// <param name="RunsUnderHypervisor">Whether the host is itself a VM; <see langword="null"/> when it cannot tell.</param>
/// <param name="Detail">How it was found.</param>
internal sealed record VirtualizationEntry(bool? Available, bool? RunsUnderHypervisor, string Detail);
