using System.CommandLine;

namespace Pane.Host.Cli.Image.Pull;

/// <summary>Defines <c>pane image pull REF [--sha256 HEX] [--name NAME] [--json]</c>.</summary>
internal static class ImagePullCommandDefinition
{
    public static Command Create(CliHost host)
    {
        var reference = new Argument<string>("REF")
        {
            Description = "What to pull: arch, https://URL (with --sha256 or #sha256=HEX), file:PATH, or an image source plugin's reference.",
        };
        var sha256 = new Option<string?>("--sha256") { Description = "The SHA-256 the image must have.", HelpName = "HEX" };
        var name = NameOption();
        var json = JsonEvents();
        var command = new Command("pull", "Download or build an image into the store, verified by its SHA-256; an interrupted download resumes.")
        {
            reference, sha256, name, json,
        };
        command.SetAction((parseResult, cancellationToken) => host.RunAsync<ImagePullCommand>(
            parseResult,
            (pull, token) => pull.ExecuteAsync(
                ImagePullCommand.Reference(parseResult.GetRequiredValue(reference), parseResult.GetValue(sha256)),
                parseResult.GetValue(name),
                parseResult.GetValue(json),
                token),
            cancellationToken));
        return command;
    }

    /// <summary>Creates <c>--name NAME</c>, the name an image gets in the store.</summary>
    /// <returns>The option.</returns>
    public static Option<string?> NameOption() => new("--name")
    {
        Description = "The image's name in the store (default: the source's name, or the file name without its extension).",
        HelpName = "NAME",
    };

    /// <summary>Creates <c>--json</c> for the commands that stream events.</summary>
    /// <returns>The option.</returns>
    public static Option<bool> JsonEvents() => new("--json")
    {
        Description = "Write progress and the result as JSON events, one a line (see docs/cli.md).",
    };
}
