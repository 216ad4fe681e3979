namespace Pane.Runtimes;

/// <summary>The serial console of a machine: the raw byte stream and a line view of it.</summary>
public interface ISerialConsole
{
    /// <summary>Opens the raw, bidirectional byte stream of the console (what a terminal attaches to).</summary>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>A stream the caller disposes.</returns>
    Task<Stream> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Reads the console's output line by line, with terminal escape sequences removed.</summary>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The lines, as they arrive, until the machine exits.</returns>
    IAsyncEnumerable<string> ReadLinesAsync(CancellationToken cancellationToken);

    /// <summary>Sends a line of input followed by a carriage return.</summary>
    /// <param name="line">The text to send.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>A task that completes when the line has been sent.</returns>
    Task WriteLineAsync(string line, CancellationToken cancellationToken);
}
