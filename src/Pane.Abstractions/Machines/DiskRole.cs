namespace Pane.Machines;

/// <summary>What a disk is for.</summary>
public enum DiskRole
{
    /// <summary>The immutable base image; never written.</summary>
    Base,

    /// <summary>A copy-on-write overlay over the base image that holds changes to the root filesystem.</summary>
    RootOverlay,

    /// <summary>The persistent disk mounted at <c>/home</c>.</summary>
    UserData,
}
