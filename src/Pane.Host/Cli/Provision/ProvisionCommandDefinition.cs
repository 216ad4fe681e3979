using System.CommandLine;
using Pane.Host.Guest.Provisioning;

namespace Pane.Host.Cli.Provision;

/// <summary>
/// Defines <c>pane provision [--name N] [--image IMAGE] [--root-password P] [--username U [--password P]]
/// [--accel A] [--cpus N] [--memory MIB] [--boot-timeout S]</c>.
/// </summary>
internal static class ProvisionCommandDefinition
{
    public static Command Create(CliHost host)
    {
        var machine = new GuestMachineOptions();
        var rootPassword = new Option<string?>("--root-password") { Description = "root's new password (default: a generated one, printed once).", HelpName = "P" };
        var username = new Option<string?>("--username") { Description = "A sudo user to create, or to update when it exists.", HelpName = "U" };
        var password = new Option<string?>("--password") { Description = "The user's password (default: a generated one, printed once).", HelpName = "P" };
        var command = new Command("provision", "Set root's password and create a sudo user in the guest, verified there and kept in the root overlay.")
        {
            rootPassword,
            username,
            password,
        };
        machine.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => host.RunAsync<ProvisionCommand>(
            parseResult,
            (provision, token) => provision.ExecuteAsync(
                new ProvisionRequest
                {
                    Machine = machine.Read(parseResult),
                    RootPassword = parseResult.GetValue(rootPassword),
                    Username = parseResult.GetValue(username),
                    Password = parseResult.GetValue(password),
                },
                token),
            cancellationToken));
        return command;
    }
}
