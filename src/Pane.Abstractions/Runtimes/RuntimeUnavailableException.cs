namespace Pane.Runtimes;

/// <summary>A runtime cannot do what was asked on this host.</summary>
public sealed class RuntimeUnavailableException : PaneException
{
    /// <summary>Initializes a new instance of the <see cref="RuntimeUnavailableException"/> class.</summary>
    /// <param name="runtimeId">The runtime's <see cref="IRuntimeProvider.Id"/>.</param>
    /// <param name="message">One sentence on what is wrong.</param>
    /// <param name="remedy">One sentence on what to do about it.</param>
    public RuntimeUnavailableException(string runtimeId, string message, string remedy)
        : base(message, remedy)
    {
        RuntimeId = runtimeId;
    }

    /// <summary>Gets the runtime's <see cref="IRuntimeProvider.Id"/>.</summary>
    public string RuntimeId { get; }
}
