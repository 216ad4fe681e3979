namespace Pane.Images;

/// <summary>
/// An image source could not open a connection to the server an image comes from: its name does not resolve, or
/// it refused or failed the connection. A host may then choose another image; any other failure of a source (a
/// wrong checksum, a missing file, a full disk) is not this.
/// </summary>
public sealed class ImageServerUnreachableException : PaneException
{
    /// <summary>Initializes a new instance of the <see cref="ImageServerUnreachableException"/> class.</summary>
    /// <param name="message">One sentence on what is wrong.</param>
    /// <param name="remedy">One sentence on what to do about it.</param>
    /// <param name="innerException">The failure that caused this one.</param>
    public ImageServerUnreachableException(string message, string remedy, Exception innerException)
        : base(message, remedy, innerException)
    {
    }
}
