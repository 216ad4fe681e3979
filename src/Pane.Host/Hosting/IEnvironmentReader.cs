namespace Pane.Host.Hosting;

/// <summary>The parts of the process environment that decide where the Pane home is.</summary>
internal interface IEnvironmentReader
{
    /// <summary>Gets a value indicating whether the host runs on Windows.</summary>
    bool IsWindows { get; }

    /// <summary>Reads an environment variable.</summary>
    /// <param name="name">The variable's name.</param>
    /// <returns>Its value, or <see langword="null"/> when it is not set.</returns>
    string? GetEnvironmentVariable(string name);

    /// <summary>Gets the path of a system folder.</summary>
    /// <param name="folder">The folder.</param>
    /// <returns>Its path, or an empty string when the system has none.</returns>
    string GetFolderPath(Environment.SpecialFolder folder);

    /// <summary>Makes a path absolute against the current folder.</summary>
    /// <param name="path">The path.</param>
    /// <returns>The absolute path.</returns>
    string GetFullPath(string path);
}
