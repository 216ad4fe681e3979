using System.CommandLine;

namespace Pane.Host.Cli.Image.Info;

/// <summary>Defines <c>pane image info IMAGE [--json]</c>.</summary>
internal static class ImageInfoCommandDefinition
{
    /// <summary>Creates the command.</summary>
    /// <param name="host">Runs the command's class.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliHost host)
    {
        var image = ImageCommandDefinition.CreateImage();
        var json = GlobalOptions.CreateJson();
        var command = new Command("info", "Show an image's format, partitions, filesystems, and the kernel, initramfs and root= it boots with.")
        {
            image,
            json,
        };
        command.SetAction((parseResult, cancellationToken) => host.RunWithoutPluginsAsync<ImageInfoCommand>(
            parseResult,
            (info, _) => Task.FromResult(info.Execute(parseResult.GetRequiredValue(image), parseResult.GetValue(json))),
            cancellationToken));
        return command;
    }
}
