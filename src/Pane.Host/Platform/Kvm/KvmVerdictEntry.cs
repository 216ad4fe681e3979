using Pane.Platform;

namespace Pane.Host.Platform.Kvm;

/// <summary>A remembered verdict and what it was made under.</summary>
/// <param name="Fingerprint">See <see cref="KvmVerdictCache.Fingerprint"/>.</param>
/// <param name="Status">The verdict.</param>
internal sealed record KvmVerdictEntry(string Fingerprint, HypervisorStatus Status);
