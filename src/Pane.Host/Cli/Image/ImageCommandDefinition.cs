using System.CommandLine;
using Pane.Host.Cli.Image.Cat;
using Pane.Host.Cli.Image.Extract;
using Pane.Host.Cli.Image.Info;
using Pane.Host.Cli.Image.Ls;

namespace Pane.Host.Cli.Image;

/// <summary>Defines <c>pane image info|ls|cat|extract</c>.</summary>
internal static class ImageCommandDefinition
{
    /// <summary>Creates the command.</summary>
    /// <param name="host">Runs the commands' classes.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliHost host) => new("image", "Look inside a disk image (raw or qcow2) without booting it.")
    {
        ImageInfoCommandDefinition.Create(host),
        ImageLsCommandDefinition.Create(host),
        ImageCatCommandDefinition.Create(host),
        ImageExtractCommandDefinition.Create(host),
    };

    /// <summary>Creates the <c>IMAGE</c> argument.</summary>
    /// <returns>The argument.</returns>
    public static Argument<string> CreateImage() => new("IMAGE")
    {
        Description = "The disk image file, raw or qcow2.",
    };

    /// <summary>Creates <c>--partition N</c>, which chooses a filesystem other than the root one.</summary>
    /// <returns>The option.</returns>
    public static Option<int?> CreatePartition() => new("--partition")
    {
        Description = "Read the filesystem of this partition number instead of the root filesystem.",
        HelpName = "N",
    };
}
