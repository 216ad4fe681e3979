namespace Pane.Platform;

/// <summary>Facts about the host that runtimes and recipes need, behind a seam that tests can replace.</summary>
public interface IHostPlatform
{
    /// <summary>Gets the host's operating system.</summary>
    HostOperatingSystem OperatingSystem { get; }

    /// <summary>Gets the number of logical processors.</summary>
    int LogicalProcessorCount { get; }

    /// <summary>Gets the physical memory in bytes, or <see langword="null"/> when it cannot be read.</summary>
    long? PhysicalMemoryBytes { get; }

    /// <summary>Gets the folder the Pane host's own files are in.</summary>
    string HostDirectory { get; }

    /// <summary>Reads an environment variable.</summary>
    /// <param name="name">The variable's name.</param>
    /// <returns>Its value, or <see langword="null"/> when it is not set or empty.</returns>
    string? GetEnvironmentVariable(string name);
}
