namespace Pane.Platform;

/// <summary>The operating systems Pane knows.</summary>
public enum HostOperatingSystem
{
    /// <summary>Linux.</summary>
    Linux,

    /// <summary>Windows.</summary>
    Windows,

    /// <summary>macOS.</summary>
    MacOS,

    /// <summary>Any other.</summary>
    Other,
}
