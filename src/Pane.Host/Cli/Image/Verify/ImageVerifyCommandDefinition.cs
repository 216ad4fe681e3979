using System.CommandLine;
using Pane.Host.Cli.Image.Pull;

namespace Pane.Host.Cli.Image.Verify;

/// <summary>Defines <c>pane image verify [NAME...] [--json]</c>.</summary>
internal static class ImageVerifyCommandDefinition
{
    public static Command Create(CliHost host)
    {
        var names = new Argument<string[]>("NAME") { Description = "The images to verify (default: all).", Arity = ArgumentArity.ZeroOrMore };
        var json = ImagePullCommandDefinition.JsonEvents();
        var command = new Command("verify", "Hash images in the store again and compare with the SHA-256 they were added with; exit 1 on a mismatch.")
        {
            names, json,
        };
        command.SetAction((parseResult, cancellationToken) => host.RunAsync<ImageVerifyCommand>(
            parseResult,
            (verify, token) => verify.ExecuteAsync(parseResult.GetValue(names) ?? [], parseResult.GetValue(json), token),
            cancellationToken));
        return command;
    }
}
