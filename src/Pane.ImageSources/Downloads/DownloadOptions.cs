namespace Pane.ImageSources.Downloads;

/// <summary>How patient a download is: how long it waits for data, and how often and how slowly it retries.</summary>
internal sealed record DownloadOptions
{
    /// <summary>Gets how long a response may send nothing before the attempt counts as stalled.</summary>
    public TimeSpan StallTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets how long a connection may take to open.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Gets how many attempts a download gets in all before a transient error ends it.</summary>
    public int MaxAttempts { get; init; } = 6;

    /// <summary>Gets the wait before the first retry; each later retry waits twice as long as the one before.</summary>
    public TimeSpan FirstRetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets the longest wait between two attempts.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Gets the size of each of the two buffers that overlap receiving with hashing and writing.</summary>
    public int BufferSize { get; init; } = 4 << 20;

    /// <summary>Gets the wait before attempt <paramref name="attempt"/> (2 for the first retry).</summary>
    /// <param name="attempt">The attempt about to start.</param>
    /// <returns>The wait.</returns>
    public TimeSpan RetryDelay(int attempt)
    {
        var doublings = Math.Min(attempt - 2, 16);
        var delay = FirstRetryDelay * Math.Pow(2, doublings);
        return delay < MaxRetryDelay ? delay : MaxRetryDelay;
    }
}
