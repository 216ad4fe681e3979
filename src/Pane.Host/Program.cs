using Microsoft.Extensions.DependencyInjection;
using Pane.Host.Cli;

namespace Pane.Host;

/// <summary>The <c>pane</c> command.</summary>
public static class Program
{
    /// <summary>Runs the command line.</summary>
    /// <param name="args">The arguments.</param>
    /// <returns>The exit code: 0 success, 1 failure, 2 usage error.</returns>
    public static Task<int> Main(string[] args) => RunAsync(args, overrides: null);

    /// <summary>Runs the command line with the engine's services changed, as tests and embedding apps need.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="overrides">
    /// Services to use instead of the engine's defaults, or <see langword="null"/>. They are registered before the
    /// engine, so they win over its defaults; when they include an <c>IPluginCatalog</c>, no plugin is loaded.
    /// </param>
    /// <returns>The exit code: 0 success, 1 failure, 2 usage error.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="args"/> is <see langword="null"/>.</exception>
    public static Task<int> RunAsync(string[] args, Action<IServiceCollection>? overrides)
    {
        ArgumentNullException.ThrowIfNull(args);
        return RunAsync(args, new CliConsole(Console.Out, Console.Error), overrides, CancellationToken.None);
    }

    /// <summary>Runs the command line, writing to the given console.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="console">Where output and errors go.</param>
    /// <param name="overrides">Changes to the engine's services, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The exit code.</returns>
    internal static Task<int> RunAsync(
        IReadOnlyList<string> args,
        CliConsole console,
        Action<IServiceCollection>? overrides,
        CancellationToken cancellationToken) =>
        VersionCommand.IsRequested(args)
            ? VersionCommand.RunAsync(console)
            : PaneCommandLine.RunAsync(args, console, overrides, cancellationToken);
}
