namespace Pane.ImageSources.Downloads;

/// <summary>An attempt failed in a way that another attempt may not: a cut connection, a stall, a server error.</summary>
internal sealed class TransientDownloadException : Exception
{
    public TransientDownloadException()
    {
    }

    public TransientDownloadException(string message)
        : base(message)
    {
    }

    public TransientDownloadException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
