namespace Pane.Host.Hosting;

/// <summary>Reads the real process environment.</summary>
internal sealed class SystemEnvironmentReader : IEnvironmentReader
{
    /// <summary>Gets the one instance.</summary>
    public static SystemEnvironmentReader Instance { get; } = new();

    public bool IsWindows => OperatingSystem.IsWindows();

    public string? GetEnvironmentVariable(string name) => Environment.GetEnvironmentVariable(name);

    public string GetFolderPath(Environment.SpecialFolder folder) => Environment.GetFolderPath(folder);

    public string GetFullPath(string path) => Path.GetFullPath(path);
}
