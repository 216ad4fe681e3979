namespace Pane.Host.Cli.Doctor;

/// <summary>Whether a hypervisor can run an ordinary guest, in the output of <c>pane doctor</c>.</summary>
/// <param name="Kind"><c>kvm</c> or <c>whp</c>.</param>
/// <param name="Usable">Whether it can.</param>
/// <param name="Detail">What the probe found, if anything.</param>
/// <param name="Reason">Why it cannot, or <see langword="null"/>.</param>
/// <param name="Remedy">What to do about <paramref name="Reason"/>, or <see langword="null"/>.</param>
internal sealed record HypervisorEntry(string Kind, bool Usable, string? Detail, string? Reason, string? Remedy);
