namespace Pane.Runtimes;

/// <summary>The milestones of a guest's boot, in the order they usually happen.</summary>
public enum BootMilestoneKind
{
    /// <summary>The kernel printed its first line.</summary>
    KernelStarted,

    /// <summary>The initramfs ran its first userspace program.</summary>
    InitramfsStarted,

    /// <summary>The root filesystem was mounted.</summary>
    RootMounted,

    /// <summary>The real init was executed from the root filesystem.</summary>
    InitExecuted,

    /// <summary>The user disk was mounted at <c>/home</c>.</summary>
    HomeMounted,

    /// <summary>The guest reached its multi-user target.</summary>
    MultiUser,

    /// <summary>A login prompt or an autologin shell is on the console.</summary>
    Login,
}
