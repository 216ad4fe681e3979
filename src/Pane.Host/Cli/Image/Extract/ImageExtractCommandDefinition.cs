using System.CommandLine;

namespace Pane.Host.Cli.Image.Extract;

/// <summary>Defines <c>pane image extract IMAGE PATH OUTFILE [--partition N]</c>.</summary>
internal static class ImageExtractCommandDefinition
{
    /// <summary>Creates the command.</summary>
    /// <param name="host">Runs the command's class.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliHost host)
    {
        var image = ImageCommandDefinition.CreateImage();
        var path = new Argument<string>("PATH") { Description = "The file to copy out of the image." };
        var outFile = new Argument<string>("OUTFILE") { Description = "Where to write it; replaced atomically." };
        var partition = ImageCommandDefinition.CreatePartition();
        var command = new Command("extract", "Copy a file out of the image.")
        {
            image,
            path,
            outFile,
            partition,
        };
        command.SetAction((parseResult, cancellationToken) => host.RunWithoutPluginsAsync<ImageExtractCommand>(
            parseResult,
            (extract, token) => extract.ExecuteAsync(
                parseResult.GetRequiredValue(image),
                parseResult.GetRequiredValue(path),
                parseResult.GetRequiredValue(outFile),
                parseResult.GetValue(partition),
                token),
            cancellationToken));
        return command;
    }
}
