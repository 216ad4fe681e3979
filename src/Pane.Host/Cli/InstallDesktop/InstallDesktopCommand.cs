using Pane.Host.Cli.Provision;
using Pane.Host.Cli.Stop;
using Pane.Host.DesktopInstall;

namespace Pane.Host.Cli.InstallDesktop;

/// <summary><c>pane install-desktop</c>: prints the guest script with <c>--dry-run</c>, else installs and shows what the guest holds.</summary>
internal sealed class InstallDesktopCommand
{
    private readonly DesktopInstaller _installer;
    private readonly CliConsole _console;

    public InstallDesktopCommand(DesktopInstaller installer, CliConsole console)
    {
        _installer = installer;
        _console = console;
    }

    public async Task<int> ExecuteAsync(DesktopInstallRequest request, bool dryRun, CancellationToken cancellationToken)
    {
        var output = _console.Output;
        if (dryRun)
        {
            var plan = await _installer.PlanAsync(request, cancellationToken).ConfigureAwait(false);
            await output.WriteAsync(DesktopScript.Render(plan)).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        var result = await GuestFailureReport.ShowEvidenceAsync(_console, () => _installer.InstallAsync(request, output, cancellationToken)).ConfigureAwait(false);
        await output.WriteLineAsync($"Verified: {result.Plan.Plan.Packages.Count} packages installed, display-manager.service -> {result.Plan.Plan.DisplayManager}.service (the only display manager enabled), default target graphical.target.").ConfigureAwait(false);
        await output.WriteLineAsync(StopCommand.Describe(request.Machine.Name, result.Shutdown)).ConfigureAwait(false);
        await output.WriteLineAsync($"Launch it with 'pane launch --name {request.Machine.Name} --persist-root --display window' and the image.").ConfigureAwait(false);
        return ExitCodes.Success;
    }
}
