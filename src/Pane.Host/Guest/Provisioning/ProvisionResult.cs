using Pane.Runtimes;

namespace Pane.Host.Guest.Provisioning;

/// <summary>What <c>pane provision</c> did, as verified in the guest.</summary>
/// <param name="Accounts">The accounts whose password was set, root first, each with its hash scheme.</param>
/// <param name="CreatedUser">Whether the user was created (rather than updated).</param>
/// <param name="AdminGroups">The groups that grant the user sudo.</param>
/// <param name="Shutdown">How the machine powered off.</param>
internal sealed record ProvisionResult(IReadOnlyList<ProvisionedAccount> Accounts, bool CreatedUser, IReadOnlyList<string> AdminGroups, ShutdownResult Shutdown);
