namespace Pane.ImageSources.Downloads;

/// <summary>A source sent nothing for longer than the stall timeout.</summary>
internal sealed class StalledException : TimeoutException
{
    public StalledException()
        : base("No data arrived within the stall timeout.")
    {
    }

    public StalledException(string message)
        : base(message)
    {
    }

    public StalledException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
