namespace Pane.Host.Guest.Provisioning;

/// <summary>An account whose password Pane set.</summary>
/// <param name="Name">The account's name.</param>
/// <param name="HashScheme">The crypt scheme of its hash in <c>/etc/shadow</c>, such as <c>y</c> (yescrypt) or <c>6</c> (SHA-512).</param>
/// <param name="PasswordGenerated">Whether Pane generated the password (and printed it once).</param>
internal sealed record ProvisionedAccount(string Name, string HashScheme, bool PasswordGenerated);
