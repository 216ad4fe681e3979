namespace Pane.Machines;

/// <summary>Where the guest's screen goes.</summary>
public enum DisplayMode
{
    /// <summary>No screen; the serial console only.</summary>
    None,

    /// <summary>A window on the host's desktop.</summary>
    Window,

    /// <summary>A VNC server reachable only from this host.</summary>
    Vnc,
}
