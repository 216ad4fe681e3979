using Pane.Runtimes;

namespace Pane.Host.DesktopInstall;

/// <summary>What <c>pane install-desktop</c> did, as verified in the guest.</summary>
/// <param name="Plan">The install.</param>
/// <param name="Verified">The verification's report lines.</param>
/// <param name="Shutdown">How the machine powered off.</param>
internal sealed record DesktopInstallResult(DesktopInstallPlan Plan, IReadOnlyList<string> Verified, ShutdownResult Shutdown);
