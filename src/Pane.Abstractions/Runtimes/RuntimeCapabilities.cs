namespace Pane.Runtimes;

/// <summary>What machines of a runtime can do.</summary>
[Flags]
public enum RuntimeCapabilities
{
    /// <summary>None of the capabilities below.</summary>
    None = 0,

    /// <summary>The machine can show a graphical display (a window or VNC).</summary>
    GraphicalDisplay = 1,

    /// <summary>The machine has a serial console the host can read and write.</summary>
    SerialConsole = 2,

    /// <summary>Changes to the root filesystem can be kept across boots.</summary>
    PersistentRoot = 4,

    /// <summary>The runtime can use a hardware hypervisor.</summary>
    Accelerated = 8,
}
