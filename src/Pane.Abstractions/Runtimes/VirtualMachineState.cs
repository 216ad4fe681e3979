namespace Pane.Runtimes;

/// <summary>The state of a machine as the host sees it.</summary>
public enum VirtualMachineState
{
    /// <summary>The machine's process is being started.</summary>
    Starting,

    /// <summary>The machine is running.</summary>
    Running,

    /// <summary>The machine is powering off.</summary>
    Stopping,

    /// <summary>The machine has exited.</summary>
    Stopped,

    /// <summary>A record exists but its process is gone or its pid now belongs to another process.</summary>
    Stale,
}
