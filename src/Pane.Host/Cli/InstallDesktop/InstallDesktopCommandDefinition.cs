using System.CommandLine;
using Pane.Desktops;
using Pane.Host.Cli.Provision;
using Pane.Host.DesktopInstall;

namespace Pane.Host.Cli.InstallDesktop;

/// <summary>
/// Defines <c>pane install-desktop --de ID [--disk-gib N] [--timeout S] [--dry-run] [--family F] [--name N]
/// [--image IMAGE] [--accel A] [--cpus N] [--memory MIB] [--boot-timeout S]</c>.
/// </summary>
internal static class InstallDesktopCommandDefinition
{
    public static Command Create(CliHost host)
    {
        var machine = new GuestMachineOptions();
        var desktop = new Option<string>("--de")
        {
            Description = "The desktop recipe: xfce, gnome, kde, or any plugin's recipe id ('pane recipes' lists them).",
            Required = true,
            HelpName = "ID",
        };
        var diskGib = new Option<int?>("--disk-gib") { Description = "Grow the root disk to this many GiB first (default: the recipe's minimum).", HelpName = "N" };
        var timeout = new Option<int?>("--timeout") { Description = "Seconds the package install may take (default: three times the recipe's expected install time).", HelpName = "S" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the exact guest script and change nothing." };
        var family = new Option<string?>("--family") { Description = "The guest's distribution family (arch, debian, fedora); default: read from the image's os-release.", HelpName = "F" };
        family.AcceptOnlyFromAmong("arch", "debian", "fedora");
        var command = new Command("install-desktop", "Install a desktop and its display manager in the guest, verified there and kept in the root overlay.")
        {
            desktop,
            diskGib,
            timeout,
            dryRun,
            family,
        };
        machine.AddTo(command);
        timeout.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is <= 0)
            {
                result.AddError("--timeout must be a positive number.");
            }
        });
        command.SetAction((parseResult, cancellationToken) => host.RunAsync<InstallDesktopCommand>(
            parseResult,
            (install, token) => install.ExecuteAsync(
                new DesktopInstallRequest
                {
                    Machine = machine.Read(parseResult),
                    RecipeId = parseResult.GetValue(desktop)!,
                    DiskGiB = parseResult.GetValue(diskGib),
                    Timeout = parseResult.GetValue(timeout) is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
                    Family = parseResult.GetValue(family) is { } name ? new DistributionFamily(name) : null,
                },
                parseResult.GetValue(dryRun),
                token),
            cancellationToken));
        return command;
    }
}
