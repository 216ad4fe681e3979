using System.CommandLine;

namespace Pane.Host.Cli;

/// <summary>The options every command understands, and the shared <c>--json</c> option of listing commands.</summary>
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

    /// <summary>Creates <c>--json</c> for one listing command.</summary>
    /// <returns>The option.</returns>
    public static Option<bool> CreateJson() => new("--json")
    {
        Description = "Write the result as JSON (the shapes are documented in docs/cli.md).",
    };
}
