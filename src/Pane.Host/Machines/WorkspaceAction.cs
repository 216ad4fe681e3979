namespace Pane.Host.Machines;

/// <summary>What <c>pane workspace</c> does to a machine's disks.</summary>
internal enum WorkspaceAction
{
    /// <summary>Discard the root overlay: the next launch with <c>--persist-root</c> starts from the base image.</summary>
    Reset,

    /// <summary>Discard the root overlay and the user disk.</summary>
    Purge,

    /// <summary>Rewrite the root overlay and the user disk without the space the guest freed.</summary>
    Compact,
}
