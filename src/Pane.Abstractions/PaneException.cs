namespace Pane;

/// <summary>
/// A failure the user can act on: <see cref="Exception.Message"/> says what is wrong in one sentence and
/// <see cref="Remedy"/> what to do. The CLI prints both without a stack trace.
/// </summary>
public class PaneException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="PaneException"/> class.</summary>
    /// <param name="message">One sentence on what is wrong.</param>
    /// <param name="remedy">One sentence on what to do about it.</param>
    public PaneException(string message, string remedy)
        : base(message)
    {
        Remedy = remedy;
    }

    /// <summary>Initializes a new instance of the <see cref="PaneException"/> class.</summary>
    /// <param name="message">One sentence on what is wrong.</param>
    /// <param name="remedy">One sentence on what to do about it.</param>
    /// <param name="innerException">The failure that caused this one.</param>
    public PaneException(string message, string remedy, Exception innerException)
        : base(message, innerException)
    {
        Remedy = remedy;
    }

    /// <summary>Gets one sentence on what the user can do.</summary>
    public string Remedy { get; }
}
