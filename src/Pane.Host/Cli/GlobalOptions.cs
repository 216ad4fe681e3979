using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace Pane.Host.Cli;

/// <summary>The options every command understands, and the shared <c>--json</c> option of listing commands.</summary>
/// <remarks>
/// <c>--help</c> and <c>--version</c> are made here rather than taken from System.CommandLine's <c>RootCommand</c>:
/// the constructors of its <c>HelpOption</c> and <c>VersionOption</c> read their descriptions through a
/// <c>ResourceManager</c>, whose first use cost some 5 ms of every command's start-up.
/// </remarks>
internal static class GlobalOptions
{
    /// <summary>The name of the global option that chooses the Pane home folder.</summary>
    public const string HomeName = "--home";

    /// <summary>Creates <c>--home DIR</c>, which overrides <c>PANE_HOME</c> for every command.</summary>
    /// <returns>The option.</returns>
    public static Option<string?> CreateHome()
    {
        var home = new Option<string?>(HomeName)
        {
            Description = "The Pane home folder (default: PANE_HOME, else the platform's per-user data folder).",
            HelpName = "DIR",
            Recursive = true,
        };
        home.Validators.Add(result =>
        {
            if (string.IsNullOrWhiteSpace(result.GetValueOrDefault<string?>()))
            {
                result.AddError("--home needs a folder path.");
            }
        });
        return home;
    }

    /// <summary>The name of the option that prints the version.</summary>
    public const string VersionName = "--version";

    /// <summary>Creates <c>--help</c> (also <c>-h</c> and <c>-?</c>), which shows the help of the command it follows.</summary>
    /// <returns>The option.</returns>
    public static Option<bool> CreateHelp() => new("--help", "-h", "-?")
    {
        Description = "Show help and usage information.",
        Arity = ArgumentArity.Zero,
        Recursive = true,
        Action = new HelpAction(),
    };

    /// <summary>
    /// Creates the root's <c>--version</c>, for a command line the shortcut of <see cref="VersionCommand"/> does not
    /// take (such as <c>--home DIR --version</c>): it prints the same version, and is a usage error beside a command.
    /// </summary>
    /// <returns>The option.</returns>
    public static Option<bool> CreateVersion() => new(VersionName)
    {
        Description = "Show version information.",
        Arity = ArgumentArity.Zero,
        Action = new PrintVersionAction(),
    };

    /// <summary>Creates <c>--json</c> for one listing command.</summary>
    /// <returns>The option.</returns>
    public static Option<bool> CreateJson() => new("--json")
    {
        Description = "Write the result as JSON (the shapes are documented in docs/cli.md).",
    };

    /// <summary>Prints the version, or a usage error when a command follows <c>--version</c>.</summary>
    private sealed class PrintVersionAction : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            if (parseResult.CommandResult.Parent is not null)
            {
                parseResult.InvocationConfiguration.Error.WriteLine($"error: {VersionName} cannot be combined with a command.");
                parseResult.InvocationConfiguration.Error.WriteLine("Run 'pane --help' for usage.");
                return ExitCodes.Usage;
            }

            parseResult.InvocationConfiguration.Output.WriteLine(VersionCommand.Version);
            return ExitCodes.Success;
        }
    }
}
