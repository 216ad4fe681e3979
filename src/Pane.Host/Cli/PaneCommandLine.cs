using System.CommandLine;
using System.CommandLine.Invocation;
using Microsoft.Extensions.DependencyInjection;
using Pane.Host.Cli.Config;
using Pane.Host.Cli.Console;
using Pane.Host.Cli.Doctor;
using Pane.Host.Cli.Image;
using Pane.Host.Cli.InstallDesktop;
using Pane.Host.Cli.Launch;
using Pane.Host.Cli.Plugins;
using Pane.Host.Cli.Provision;
using Pane.Host.Cli.Recipes;
using Pane.Host.Cli.Runtimes;
using Pane.Host.Cli.Status;
using Pane.Host.Cli.Stop;
using Pane.Host.Cli.Workspace;

namespace Pane.Host.Cli;

/// <summary>The <c>pane</c> command tree, and the one place that turns outcomes into exit codes.</summary>
internal static class PaneCommandLine
{
    /// <summary>Gets every top-level command: its name, and how to build it.</summary>
    internal static IReadOnlyList<TopLevelCommand> Commands { get; } =
    [
        new("plugins", PluginsCommandDefinition.Create),
        new("runtimes", RuntimesCommandDefinition.Create),
        new("recipes", RecipesCommandDefinition.Create),
        new("doctor", DoctorCommandDefinition.Create),
        new("image", ImageCommandDefinition.Create),
        new("launch", LaunchCommandDefinition.Create),
        new("console", ConsoleCommandDefinition.Create),
        new("status", StatusCommandDefinition.Create),
        new("stop", StopCommandDefinition.Create),
        new("config", ConfigCommandDefinition.Create),
        new("workspace", WorkspaceCommandDefinition.Create),
        new("provision", ProvisionCommandDefinition.Create),
        new("install-desktop", InstallDesktopCommandDefinition.Create),
    ];

    /// <summary>Parses and runs a command line.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="console">Where output and errors go.</param>
    /// <param name="overrides">Changes to the engine's services, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(
        IReadOnlyList<string> args,
        CliConsole console,
        Action<IServiceCollection>? overrides,
        CancellationToken cancellationToken)
    {
        var host = new CliHost(console, GlobalOptions.CreateHome(), overrides);
        var parseResult = CreateRoot(host, args).Parse(args);
        if (parseResult.Action is ParseErrorAction)
        {
            foreach (var error in parseResult.Errors)
            {
                await console.Error.WriteLineAsync($"error: {error.Message}").ConfigureAwait(false);
            }

            await console.Error.WriteLineAsync("Run 'pane --help' for usage.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        var invocation = new InvocationConfiguration
        {
            Output = console.Output,
            Error = console.Error,
            EnableDefaultExceptionHandler = false,
        };
        try
        {
            return await parseResult.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
        }
        catch (PaneException error)
        {
            await console.Error.WriteLineAsync($"error: {error.Message}").ConfigureAwait(false);
            await console.Error.WriteLineAsync($"remedy: {error.Remedy}").ConfigureAwait(false);
            return ExitCodes.Failure;
        }
        catch (OperationCanceledException)
        {
            await console.Error.WriteLineAsync("error: Cancelled.").ConfigureAwait(false);
            return ExitCodes.Failure;
        }
        catch (Exception error)
        {
            await console.Error.WriteLineAsync($"error: Pane failed unexpectedly: {error}").ConfigureAwait(false);
            await console.Error.WriteLineAsync("remedy: This is a bug in Pane or a plugin; please report it with the text above.").ConfigureAwait(false);
            return ExitCodes.Failure;
        }
    }

    /// <summary>Creates the command tree for a command line.</summary>
    /// <remarks>
    /// When the arguments name a command, the tree holds only that command: building the dozens of options of every
    /// other command is most of the parser's start-up. Anything else (no command, an unknown word, <c>--help</c> on
    /// its own) gets the whole tree, so help lists every command and a typo gets the parser's suggestions.
    /// </remarks>
    /// <param name="host">Runs the commands' classes.</param>
    /// <param name="args">The arguments the tree will parse.</param>
    /// <returns>The root command.</returns>
    public static Command CreateRoot(CliHost host, IReadOnlyList<string> args)
    {
        var named = NamedCommand(args);
        var root = new Command("pane", "Pane boots Linux desktops in virtual machines.")
        {
            host.Home,
            GlobalOptions.CreateHelp(),
            GlobalOptions.CreateVersion(),
        };
        foreach (var command in Commands)
        {
            if (named is null || string.Equals(command.Name, named, StringComparison.Ordinal))
            {
                root.Subcommands.Add(command.Create(host));
            }
        }

        root.SetAction(async (_, _) =>
        {
            await host.Console.Error.WriteLineAsync("error: No command given.").ConfigureAwait(false);
            await host.Console.Error.WriteLineAsync("Run 'pane --help' for usage.").ConfigureAwait(false);
            return ExitCodes.Usage;
        });
        return root;
    }

    /// <summary>Finds the top-level command the arguments name: the first word that is neither an option nor <c>--home</c>'s value.</summary>
    /// <param name="args">The arguments.</param>
    /// <returns>The command's name, or <see langword="null"/> when the first such word names no command, or there is none.</returns>
    private static string? NamedCommand(IReadOnlyList<string> args)
    {
        for (var index = 0; index < args.Count; index++)
        {
            var argument = args[index];
            if (argument == GlobalOptions.HomeName)
            {
                index++;
            }
            else if (!argument.StartsWith('-'))
            {
                return IsCommandName(argument) ? argument : null;
            }
        }

        return null;
    }

    private static bool IsCommandName(string word)
    {
        foreach (var command in Commands)
        {
            if (string.Equals(command.Name, word, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
