namespace Pane.Host.DiskImages;

/// <summary>
/// A disk image, partition table or filesystem is damaged or uses something Pane does not read. The message
/// names the structure that is wrong (header, table, inode, block, extent) and where.
/// </summary>
public sealed class ImageFormatException : PaneException
{
    /// <summary>Initializes a new instance of the <see cref="ImageFormatException"/> class.</summary>
    /// <param name="message">One sentence naming the structure that is wrong and where.</param>
    /// <param name="remedy">One sentence on what to do.</param>
    public ImageFormatException(string message, string remedy)
        : base(message, remedy)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="ImageFormatException"/> class.</summary>
    /// <param name="message">One sentence naming the structure that is wrong and where.</param>
    /// <param name="remedy">One sentence on what to do.</param>
    /// <param name="innerException">The failure that caused this one.</param>
    public ImageFormatException(string message, string remedy, Exception innerException)
        : base(message, remedy, innerException)
    {
    }
}
