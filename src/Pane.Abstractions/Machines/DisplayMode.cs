namespace Pane.Machines;

/// <summary>Where the guest's screen goes.</summary>
public enum DisplayMode
{
    /// <summary>No screen; the serial console only.</summary>
    None,

    /// <summary>A GTK window on the host's desktop.</summary>
    Gtk,

    /// <summary>An SDL window on the host's desktop.</summary>
    Sdl,

    /// <summary>
    /// A password-protected VNC server on the loopback address only, with a websocket port for a browser client.
    /// </summary>
    Vnc,
}
