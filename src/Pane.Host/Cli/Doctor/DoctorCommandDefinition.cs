using System.CommandLine;

namespace Pane.Host.Cli.Doctor;

/// <summary>Defines <c>pane doctor [--json]</c>.</summary>
internal static class DoctorCommandDefinition
{
    /// <summary>Creates the command.</summary>
    /// <param name="host">Runs the command's class.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliHost host)
    {
        var json = GlobalOptions.CreateJson();
        var command = new Command(
            "doctor",
            "Check the host, plugins, runtimes and recipes, and say what to fix; exit 1 when nothing can run a VM.")
        {
            json,
        };
        command.SetAction((parseResult, cancellationToken) => host.RunAsync<DoctorCommand>(
            parseResult,
            (doctor, token) => doctor.ExecuteAsync(parseResult.GetValue(json), token),
            cancellationToken));
        return command;
    }
}
