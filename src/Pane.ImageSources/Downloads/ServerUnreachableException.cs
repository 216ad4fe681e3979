namespace Pane.ImageSources.Downloads;

/// <summary>No connection to a download's server could be opened: its name does not resolve, or it refused or failed the connection.</summary>
internal sealed class ServerUnreachableException : PaneException
{
    public ServerUnreachableException(string message, string remedy, Exception innerException)
        : base(message, remedy, innerException)
    {
    }
}
