namespace Pane.Host.Guest;

/// <summary>
/// A step in the guest failed, timed out or left something unverified: the message says which, and
/// <see cref="Evidence"/> holds what the guest printed (secrets redacted).
/// </summary>
internal sealed class GuestStepFailedException : PaneException
{
    public GuestStepFailedException(string message, string remedy, IReadOnlyList<string> evidence)
        : base(message, remedy)
    {
        Evidence = evidence;
    }

    /// <summary>Gets the guest's output that shows the failure, last lines last.</summary>
    public IReadOnlyList<string> Evidence { get; }
}
