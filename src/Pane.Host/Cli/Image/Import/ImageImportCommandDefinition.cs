using System.CommandLine;
using Pane.Host.Cli.Image.Pull;

namespace Pane.Host.Cli.Image.Import;

/// <summary>Defines <c>pane image import FILE [--sha256 HEX] [--name NAME] [--json]</c>: <c>pull file:FILE</c>.</summary>
internal static class ImageImportCommandDefinition
{
    public static Command Create(CliHost host)
    {
        var file = new Argument<string>("FILE") { Description = "A raw or qcow2 image file." };
        var sha256 = new Option<string?>("--sha256") { Description = "The SHA-256 the file must have.", HelpName = "HEX" };
        var name = ImagePullCommandDefinition.NameOption();
        var json = ImagePullCommandDefinition.JsonEvents();
        var command = new Command("import", "Add a local image file to the store: a hard link where the filesystem allows, else a copy.")
        {
            file, sha256, name, json,
        };
        command.SetAction((parseResult, cancellationToken) => host.RunAsync<ImagePullCommand>(
            parseResult,
            (pull, token) => pull.ExecuteAsync(
                ImagePullCommand.Reference($"file:{Path.GetFullPath(parseResult.GetRequiredValue(file))}", parseResult.GetValue(sha256)),
                parseResult.GetValue(name),
                parseResult.GetValue(json),
                token),
            cancellationToken));
        return command;
    }
}
