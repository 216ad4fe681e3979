namespace Pane.Runtime.QemuWhpx.Discovery;

/// <summary>Where a <c>qemu-system-x86_64</c> was found, in the order the locator looks.</summary>
internal enum QemuSource
{
    /// <summary>The file named by the <c>PANE_QEMU</c> environment variable.</summary>
    EnvironmentVariable,

    /// <summary>The copy bundled next to the host, in its <c>qemu</c> folder.</summary>
    Bundled,

    /// <summary>A folder on <c>PATH</c>.</summary>
    SearchPath,

    /// <summary>The standard Windows install folder, <c>%ProgramFiles%\qemu</c>.</summary>
    ProgramFiles,
}
