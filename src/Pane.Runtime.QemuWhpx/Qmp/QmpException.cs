namespace Pane.Runtime.QemuWhpx.Qmp;

/// <summary>QEMU's control channel failed, or QEMU answered a command with an error.</summary>
internal sealed class QmpException : PaneException
{
    /// <summary>Initializes a new instance of the <see cref="QmpException"/> class.</summary>
    /// <param name="message">One sentence on what went wrong.</param>
    /// <param name="innerException">The failure that caused this one, if any.</param>
    public QmpException(string message, Exception? innerException = null)
        : base(message, "Check that the machine is still running with 'pane status'.", innerException!)
    {
    }
}
