namespace Pane.Runtime.QemuWhpx.Discovery;

/// <summary>A <c>qemu-system-x86_64</c> executable and the rule that found it.</summary>
/// <param name="Path">The executable's full path.</param>
/// <param name="Source">The rule that found it.</param>
internal sealed record QemuLocation(string Path, QemuSource Source)
{
    /// <summary>Gets the rule as users know it: <c>PANE_QEMU</c>, <c>bundled</c>, <c>PATH</c> or <c>Program Files</c>.</summary>
    public string SourceName => Source switch
    {
        QemuSource.EnvironmentVariable => QemuLocator.EnvironmentVariable,
        QemuSource.Bundled => "bundled",
        QemuSource.SearchPath => "PATH",
        _ => "Program Files",
    };
}
