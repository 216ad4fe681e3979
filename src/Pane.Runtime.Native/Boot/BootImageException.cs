namespace Pane.Runtime.Native.Boot;

/// <summary>A kernel, initramfs or module cannot be booted the way Pane's VMM boots Linux.</summary>
internal sealed class BootImageException : PaneException
{
    /// <summary>Initializes a new instance of the <see cref="BootImageException"/> class.</summary>
    /// <param name="message">One sentence on what is wrong.</param>
    /// <param name="remedy">One sentence on what to do about it.</param>
    public BootImageException(string message, string remedy)
        : base(message, remedy)
    {
    }
}
