using Pane.Host.Cli.Stop;
using Pane.Host.Guest.Provisioning;
using Pane.Runtimes;

namespace Pane.Host.Cli.Provision;

/// <summary><c>pane provision</c>: sets the passwords and the sudo user, then says what the guest holds.</summary>
internal sealed class ProvisionCommand
{
    private readonly Provisioner _provisioner;
    private readonly CliConsole _console;

    public ProvisionCommand(Provisioner provisioner, CliConsole console)
    {
        _provisioner = provisioner;
        _console = console;
    }

    public async Task<int> ExecuteAsync(ProvisionRequest request, CancellationToken cancellationToken)
    {
        var output = _console.Output;
        var result = await GuestFailureReport.ShowEvidenceAsync(_console, () => _provisioner.ProvisionAsync(request, output, cancellationToken)).ConfigureAwait(false);
        foreach (var account in result.Accounts)
        {
            await output.WriteLineAsync($"Verified: '{account.Name}' has a password hash (crypt scheme ${account.HashScheme}$) in /etc/shadow.").ConfigureAwait(false);
        }

        if (request.Username is { } username)
        {
            await output.WriteLineAsync($"Verified: '{username}' is in {string.Join(" and ", result.AdminGroups)}, granted sudo by a drop-in.").ConfigureAwait(false);
        }

        await output.WriteLineAsync(StopCommand.Describe(request.Machine.Name, result.Shutdown)).ConfigureAwait(false);
        if (result.Shutdown.Method == ShutdownMethod.Killed)
        {
            await _console.Error.WriteLineAsync("warning: the guest had flushed its filesystems, but did not power off by itself; its next boot checks them.").ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }
}
