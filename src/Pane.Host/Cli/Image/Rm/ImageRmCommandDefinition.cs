using System.CommandLine;

namespace Pane.Host.Cli.Image.Rm;

/// <summary>Defines <c>pane image rm NAME</c>.</summary>
internal static class ImageRmCommandDefinition
{
    public static Command Create(CliHost host)
    {
        var name = new Argument<string>("NAME") { Description = "The image to remove." };
        var command = new Command("rm", "Remove an image from the store; refused while a running machine uses it or a machine keeps a root overlay on it.") { name };
        command.SetAction((parseResult, cancellationToken) => host.RunAsync<ImageRmCommand>(
            parseResult,
            (rm, _) => Task.FromResult(rm.Execute(parseResult.GetRequiredValue(name))),
            cancellationToken));
        return command;
    }
}
