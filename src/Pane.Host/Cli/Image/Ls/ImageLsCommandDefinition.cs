using System.CommandLine;

namespace Pane.Host.Cli.Image.Ls;

/// <summary>Defines <c>pane image ls IMAGE [PATH] [--partition N] [--json]</c>.</summary>
internal static class ImageLsCommandDefinition
{
    /// <summary>Creates the command.</summary>
    /// <param name="host">Runs the command's class.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliHost host)
    {
        var image = ImageCommandDefinition.CreateImage();
        var path = new Argument<string>("PATH")
        {
            Description = "The folder or file to list (default: /).",
            DefaultValueFactory = _ => "/",
        };
        var partition = ImageCommandDefinition.CreatePartition();
        var json = GlobalOptions.CreateJson();
        var command = new Command("ls", "List a folder of the image's root filesystem like 'ls -l'.")
        {
            image,
            path,
            partition,
            json,
        };
        command.SetAction((parseResult, cancellationToken) => host.RunWithoutPluginsAsync<ImageLsCommand>(
            parseResult,
            (ls, _) => Task.FromResult(ls.Execute(
                parseResult.GetRequiredValue(image),
                parseResult.GetRequiredValue(path),
                parseResult.GetValue(partition),
                parseResult.GetValue(json))),
            cancellationToken));
        return command;
    }
}
