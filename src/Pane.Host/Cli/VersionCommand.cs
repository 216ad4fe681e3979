using System.Reflection;

namespace Pane.Host.Cli;

/// <summary>
/// <c>pane --version</c> on its own, answered before the command line parser is even loaded: the most frequent
/// call of scripts, kept as cheap as starting .NET allows. <c>--version</c> next to other arguments goes through
/// the parser, which reports the combination.
/// </summary>
internal static class VersionCommand
{
    /// <summary>Gets the version <c>pane --version</c> prints: the host's informational version.</summary>
    public static string Version { get; } =
        typeof(VersionCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(VersionCommand).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    /// <summary>Finds out whether the arguments are exactly <c>--version</c>.</summary>
    /// <param name="args">The arguments.</param>
    /// <returns>Whether they are.</returns>
    public static bool IsRequested(IReadOnlyList<string> args) => args is ["--version"];

    /// <summary>Prints the version.</summary>
    /// <param name="console">Where to write.</param>
    /// <returns>The exit code: success.</returns>
    public static async Task<int> RunAsync(CliConsole console)
    {
        await console.Output.WriteLineAsync(Version).ConfigureAwait(false);
        return ExitCodes.Success;
    }
}
