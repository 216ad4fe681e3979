using System.CommandLine;

namespace Pane.Host.Cli.Image.Cat;

/// <summary>Defines <c>pane image cat IMAGE PATH [--partition N]</c>.</summary>
internal static class ImageCatCommandDefinition
{
    /// <summary>Creates the command.</summary>
    /// <param name="host">Runs the command's class.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliHost host)
    {
        var image = ImageCommandDefinition.CreateImage();
        var path = new Argument<string>("PATH") { Description = "The file to write to standard output." };
        var partition = ImageCommandDefinition.CreatePartition();
        var command = new Command("cat", "Write a file of the image to standard output, byte for byte.")
        {
            image,
            path,
            partition,
        };
        command.SetAction((parseResult, cancellationToken) => host.RunWithoutPluginsAsync<ImageCatCommand>(
            parseResult,
            (cat, token) => cat.ExecuteAsync(parseResult.GetRequiredValue(image), parseResult.GetRequiredValue(path), parseResult.GetValue(partition), token),
            cancellationToken));
        return command;
    }
}
