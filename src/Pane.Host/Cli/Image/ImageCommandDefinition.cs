using System.CommandLine;
using Pane.Host.Cli.Image.Cat;
using Pane.Host.Cli.Image.Extract;
using Pane.Host.Cli.Image.Import;
using Pane.Host.Cli.Image.Info;
using Pane.Host.Cli.Image.List;
using Pane.Host.Cli.Image.Ls;
using Pane.Host.Cli.Image.Pull;
using Pane.Host.Cli.Image.Rm;
using Pane.Host.Cli.Image.Verify;

namespace Pane.Host.Cli.Image;

/// <summary>Defines <c>pane image list|pull|import|verify|rm|info|ls|cat|extract</c>.</summary>
internal static class ImageCommandDefinition
{
    /// <summary>Creates the command.</summary>
    /// <param name="host">Runs the commands' classes.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliHost host) => new("image", "Manage the image store, and look inside a disk image (raw or qcow2) without booting it.")
    {
        ImageListCommandDefinition.Create(host),
        ImagePullCommandDefinition.Create(host),
        ImageImportCommandDefinition.Create(host),
        ImageVerifyCommandDefinition.Create(host),
        ImageRmCommandDefinition.Create(host),
        ImageInfoCommandDefinition.Create(host),
        ImageLsCommandDefinition.Create(host),
        ImageCatCommandDefinition.Create(host),
        ImageExtractCommandDefinition.Create(host),
    };

    /// <summary>Creates the <c>IMAGE</c> argument.</summary>
    /// <returns>The argument.</returns>
    public static Argument<string> CreateImage() => new("IMAGE")
    {
        Description = "The disk image file (raw or qcow2), or the name of an image in the store.",
    };

    /// <summary>Creates <c>--partition N</c>, which chooses a filesystem other than the root one.</summary>
    /// <returns>The option.</returns>
    public static Option<int?> CreatePartition() => new("--partition")
    {
        Description = "Read the filesystem of this partition number instead of the root filesystem.",
        HelpName = "N",
    };
}
