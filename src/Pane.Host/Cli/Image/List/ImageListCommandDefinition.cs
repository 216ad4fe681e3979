using System.CommandLine;

namespace Pane.Host.Cli.Image.List;

/// <summary>Defines <c>pane image list [--json]</c>.</summary>
internal static class ImageListCommandDefinition
{
    public static Command Create(CliHost host)
    {
        var json = GlobalOptions.CreateJson();
        var command = new Command("list", "List the images in the store.") { json };
        command.SetAction((parseResult, cancellationToken) => host.RunAsync<ImageListCommand>(
            parseResult,
            (list, _) => Task.FromResult(list.Execute(parseResult.GetValue(json))),
            cancellationToken));
        return command;
    }
}
