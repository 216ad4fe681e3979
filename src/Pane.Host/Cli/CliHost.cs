using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Pane.Host.Cli.Image;
using Pane.Host.Cli.Launch;
using Pane.Host.Cli.Workspace;
using Pane.Host.Plugins;
using Pane.Plugins;

namespace Pane.Host.Cli;

/// <summary>
/// Builds the engine's services for the command the user chose, once the command line is parsed, and runs
/// that command's class; commands that need no engine (such as <c>--version</c>) never get here.
/// </summary>
internal sealed class CliHost
{
    private readonly Action<IServiceCollection>? _overrides;

    public CliHost(CliConsole console, Option<string?> home, Action<IServiceCollection>? overrides)
    {
        Console = console;
        Home = home;
        _overrides = overrides;
    }

    /// <summary>Gets where commands write.</summary>
    public CliConsole Console { get; }

    /// <summary>Gets the global <c>--home</c> option.</summary>
    public Option<string?> Home { get; }

    /// <summary>
    /// Builds the services with the plugins loaded, resolves <typeparamref name="TCommand"/> and runs it. The
    /// overrides are registered first, so they win over the engine's defaults; when they supply the
    /// <see cref="IPluginCatalog"/>, no plugin is loaded.
    /// </summary>
    /// <typeparam name="TCommand">The command class.</typeparam>
    /// <param name="parseResult">The parsed command line.</param>
    /// <param name="run">What to do with the command.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The exit code.</returns>
    public Task<int> RunAsync<TCommand>(
        ParseResult parseResult,
        Func<TCommand, CancellationToken, Task<int>> run,
        CancellationToken cancellationToken)
        where TCommand : class =>
        RunAsync(parseResult, run, loadPlugins: true, PluginContributions.None, cancellationToken);

    /// <summary>
    /// Builds the services with only the plugins that may contribute <paramref name="needed"/> loaded (those that
    /// declare other kinds only are passed over, those that declare nothing are loaded), resolves
    /// <typeparamref name="TCommand"/> and runs it: for commands that read one part of the catalog only
    /// (<c>pane runtimes</c>).
    /// </summary>
    /// <typeparam name="TCommand">The command class.</typeparam>
    /// <param name="parseResult">The parsed command line.</param>
    /// <param name="needed">The kinds of contribution the command reads.</param>
    /// <param name="run">What to do with the command.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The exit code.</returns>
    public Task<int> RunWithPluginsContributingAsync<TCommand>(
        ParseResult parseResult,
        PluginContributions needed,
        Func<TCommand, CancellationToken, Task<int>> run,
        CancellationToken cancellationToken)
        where TCommand : class =>
        RunAsync(parseResult, run, loadPlugins: true, needed, cancellationToken);

    /// <summary>
    /// Builds the services without loading any plugin, resolves <typeparamref name="TCommand"/> and runs it: for
    /// commands whose work needs no runtime, recipe or image source of a plugin (<c>pane image info</c>,
    /// <c>pane status</c>), since loading the plugins is the larger part of a command's start-up.
    /// </summary>
    /// <remarks>
    /// The command gets an <see cref="UnloadedPluginCatalog"/>, which it may take as a dependency but not read:
    /// reading it fails with a message naming the fix, so a command that does need plugins cannot silently run
    /// without them.
    /// </remarks>
    /// <typeparam name="TCommand">The command class.</typeparam>
    /// <param name="parseResult">The parsed command line.</param>
    /// <param name="run">What to do with the command.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The exit code.</returns>
    public Task<int> RunWithoutPluginsAsync<TCommand>(
        ParseResult parseResult,
        Func<TCommand, CancellationToken, Task<int>> run,
        CancellationToken cancellationToken)
        where TCommand : class =>
        RunAsync(parseResult, run, loadPlugins: false, PluginContributions.None, cancellationToken);

    private async Task<int> RunAsync<TCommand>(
        ParseResult parseResult,
        Func<TCommand, CancellationToken, Task<int>> run,
        bool loadPlugins,
        PluginContributions needed,
        CancellationToken cancellationToken)
        where TCommand : class
    {
        var home = parseResult.GetValue(Home);
        var services = new ServiceCollection();
        _overrides?.Invoke(services);
        if (!loadPlugins)
        {
            services.TryAddSingleton<IPluginCatalog>(new UnloadedPluginCatalog(parseResult.CommandResult.Command.Name));
        }

        services.TryAddSingleton(Console);
        services.TryAddSingleton<IBinaryOutput, StandardBinaryOutput>();
        services.TryAddTransient<TerminalAttachment>();
        services.TryAddTransient<IConfirmation, TerminalConfirmation>();
        services.AddPane(options =>
        {
            options.Home = home;
            options.NeededContributions = needed;
        });
        services.AddTransient<TCommand>();
        var provider = services.BuildServiceProvider();
        await using (provider.ConfigureAwait(false))
        {
            var command = provider.GetRequiredService<TCommand>();
            return await run(command, cancellationToken).ConfigureAwait(false);
        }
    }
}
