namespace Pane.Host.Cli.Workspace;

/// <summary>Asks the user to confirm an action that discards data.</summary>
internal interface IConfirmation
{
    /// <summary>Asks a yes-or-no question.</summary>
    /// <param name="question">The question, without the answer hint.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns><see langword="true"/> when the user answered yes.</returns>
    /// <exception cref="PaneException">No one can answer: the input is not a terminal.</exception>
    Task<bool> ConfirmAsync(string question, CancellationToken cancellationToken);
}
