namespace Pane.Host.Machines;

/// <summary>A guest did not reach its login: the message says why, <see cref="SerialTail"/> shows what it printed last.</summary>
internal sealed class LaunchFailedException : PaneException
{
    public LaunchFailedException(string message, string remedy, IReadOnlyList<string> serialTail)
        : base(message, remedy)
    {
        SerialTail = serialTail;
    }

    /// <summary>Gets the guest's last console lines, escape sequences removed.</summary>
    public IReadOnlyList<string> SerialTail { get; }
}
