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
        var parseResult = CreateRoot(host).Parse(args);
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

    /// <summary>Creates the command tree.</summary>
    /// <param name="host">Runs the commands' classes.</param>
    /// <returns>The root command.</returns>
    public static RootCommand CreateRoot(CliHost host)
    {
        var root = new RootCommand("Pane boots Linux desktops in virtual machines.")
        {
            host.Home,
            PluginsCommandDefinition.Create(host),
            RuntimesCommandDefinition.Create(host),
            RecipesCommandDefinition.Create(host),
            DoctorCommandDefinition.Create(host),
            ImageCommandDefinition.Create(host),
            LaunchCommandDefinition.Create(host),
            ConsoleCommandDefinition.Create(host),
            StatusCommandDefinition.Create(host),
            StopCommandDefinition.Create(host),
            ConfigCommandDefinition.Create(host),
            WorkspaceCommandDefinition.Create(host),
            ProvisionCommandDefinition.Create(host),
            InstallDesktopCommandDefinition.Create(host),
        };
        root.SetAction(async (_, _) =>
        {
            await host.Console.Error.WriteLineAsync("error: No command given.").ConfigureAwait(false);
            await host.Console.Error.WriteLineAsync("Run 'pane --help' for usage.").ConfigureAwait(false);
            return ExitCodes.Usage;
        });
        return root;
    }
}
