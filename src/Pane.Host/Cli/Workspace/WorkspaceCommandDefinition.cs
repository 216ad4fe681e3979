using System.CommandLine;
using Pane.Host.Cli.Launch;
using Pane.Host.Machines;

namespace Pane.Host.Cli.Workspace;

/// <summary>
/// Defines <c>pane workspace reset|purge|compact [--name N] [--yes]</c>, and the older spelling
/// <c>pane workspace --reset|--purge|--compact</c>.
/// </summary>
internal static class WorkspaceCommandDefinition
{
    public static Command Create(CliHost host)
    {
        var command = new Command("workspace", "Look after the disks a machine keeps between launches: reset, purge or compact them.")
        {
            Verb(host, WorkspaceAction.Reset, "reset", "Discard the root overlay: the machine starts from its base image again (its /home stays)."),
            Verb(host, WorkspaceAction.Purge, "purge", "Discard the root overlay and the user disk: the machine starts afresh with an empty /home."),
            Verb(host, WorkspaceAction.Compact, "compact", "Rewrite the root overlay and the user disk without the space the guest freed, and say how much came back."),
        };
        var flags = ActionFlags();
        var name = LaunchCommandDefinition.NameOption("The machine whose disks to change.");
        var yes = YesOption();
        command.Options.Add(name);
        command.Options.Add(yes);
        foreach (var flag in flags.Values)
        {
            command.Options.Add(flag);
        }

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var chosen = flags.Where(flag => parseResult.GetValue(flag.Value)).Select(flag => flag.Key).ToList();
            if (chosen.Count != 1)
            {
                await host.Console.Error.WriteLineAsync("error: Give one of reset, purge or compact (or --reset, --purge, --compact).").ConfigureAwait(false);
                await host.Console.Error.WriteLineAsync("Run 'pane workspace --help' for usage.").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            return await host.RunAsync<WorkspaceCommand>(
                parseResult,
                (workspace, token) => workspace.ExecuteAsync(chosen[0], parseResult.GetValue(name)!, parseResult.GetValue(yes), token),
                cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>Creates the <c>--reset</c>, <c>--purge</c> and <c>--compact</c> flags shared with <c>pane launch</c>.</summary>
    /// <returns>One flag per action.</returns>
    public static IReadOnlyDictionary<WorkspaceAction, Option<bool>> ActionFlags() => new Dictionary<WorkspaceAction, Option<bool>>
    {
        [WorkspaceAction.Reset] = new("--reset") { Description = "Discard the root overlay first: start from the base image." },
        [WorkspaceAction.Purge] = new("--purge") { Description = "Discard the root overlay and the user disk first." },
        [WorkspaceAction.Compact] = new("--compact") { Description = "Compact the root overlay and the user disk first." },
    };

    /// <summary>Creates the <c>--yes</c> option.</summary>
    /// <returns>The option.</returns>
    public static Option<bool> YesOption() => new("--yes", "-y") { Description = "Do not ask for confirmation before discarding or rewriting disks." };

    /// <summary>Gets the action whose flag was given, if one was.</summary>
    /// <param name="parseResult">The parsed command line.</param>
    /// <param name="flags">The flags of <see cref="ActionFlags"/>.</param>
    /// <returns>The action, or <see langword="null"/>.</returns>
    public static WorkspaceAction? SelectedAction(ParseResult parseResult, IReadOnlyDictionary<WorkspaceAction, Option<bool>> flags) =>
        flags.Where(flag => parseResult.GetValue(flag.Value)).Select(flag => (WorkspaceAction?)flag.Key).FirstOrDefault();

    private static Command Verb(CliHost host, WorkspaceAction action, string verb, string description)
    {
        var name = LaunchCommandDefinition.NameOption("The machine whose disks to change.");
        var yes = YesOption();
        var command = new Command(verb, description) { name, yes };
        command.SetAction((parseResult, cancellationToken) => host.RunAsync<WorkspaceCommand>(
            parseResult,
            (workspace, token) => workspace.ExecuteAsync(action, parseResult.GetValue(name)!, parseResult.GetValue(yes), token),
            cancellationToken));
        return command;
    }
}
