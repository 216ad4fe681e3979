namespace Pane.Host.Hosting;

/// <summary>
/// Decides where the Pane home is: the folder asked for (<c>--home</c>), else <c>PANE_HOME</c>, else
/// <c>%LOCALAPPDATA%\Pane</c> on Windows and <c>$XDG_DATA_HOME/pane</c> or <c>~/.local/share/pane</c> elsewhere.
/// </summary>
internal static class PaneHomeLocator
{
    /// <summary>The environment variable that names the Pane home.</summary>
    public const string HomeVariable = "PANE_HOME";

    /// <summary>Finds the Pane home folder.</summary>
    /// <param name="requested">The folder asked for, or <see langword="null"/>.</param>
    /// <param name="environment">The process environment.</param>
    /// <returns>The absolute path of the folder; it may not exist yet.</returns>
    /// <exception cref="PaneException">No folder was asked for and the environment names no home folder.</exception>
    public static string Locate(string? requested, IEnvironmentReader environment)
    {
        if (!string.IsNullOrWhiteSpace(requested))
        {
            return environment.GetFullPath(requested);
        }

        var fromVariable = environment.GetEnvironmentVariable(HomeVariable);
        if (!string.IsNullOrWhiteSpace(fromVariable))
        {
            return environment.GetFullPath(fromVariable);
        }

        return environment.IsWindows ? LocateOnWindows(environment) : LocateOnUnix(environment);
    }

    private static string LocateOnWindows(IEnvironmentReader environment)
    {
        var localAppData = NonEmpty(environment.GetEnvironmentVariable("LOCALAPPDATA"))
            ?? NonEmpty(environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData))
            ?? throw NoHome("LOCALAPPDATA");
        return localAppData.TrimEnd('\\', '/') + @"\Pane";
    }

    private static string LocateOnUnix(IEnvironmentReader environment)
    {
        var dataHome = NonEmpty(environment.GetEnvironmentVariable("XDG_DATA_HOME"));
        if (dataHome is not null && dataHome.StartsWith('/'))
        {
            return Path.Join(dataHome, "pane");
        }

        var home = NonEmpty(environment.GetEnvironmentVariable("HOME"))
            ?? NonEmpty(environment.GetFolderPath(Environment.SpecialFolder.UserProfile))
            ?? throw NoHome("HOME");
        return Path.Join(home, ".local", "share", "pane");
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static PaneException NoHome(string variable) =>
        new(
            $"The Pane home folder cannot be found: neither {HomeVariable} nor {variable} is set.",
            $"Set {HomeVariable} to a writable folder, or pass --home DIR.");
}
