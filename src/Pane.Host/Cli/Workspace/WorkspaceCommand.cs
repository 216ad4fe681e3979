using Pane.Host.Machines;

namespace Pane.Host.Cli.Workspace;

/// <summary><c>pane workspace reset|purge|compact</c>: looks after the disks a machine keeps between launches.</summary>
internal sealed class WorkspaceCommand
{
    private readonly WorkspaceActions _actions;

    public WorkspaceCommand(WorkspaceMaintenance workspace, IConfirmation confirmation, CliConsole console)
    {
        _actions = new WorkspaceActions(workspace, confirmation, console);
    }

    /// <summary>Runs the action.</summary>
    /// <param name="action">What to do.</param>
    /// <param name="name">The machine.</param>
    /// <param name="yes">Whether the user confirmed up front.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The exit code: failure when the user declined.</returns>
    public async Task<int> ExecuteAsync(WorkspaceAction action, string name, bool yes, CancellationToken cancellationToken) =>
        await _actions.RunAsync(action, name, yes, cancellationToken).ConfigureAwait(false) ? ExitCodes.Success : ExitCodes.Failure;
}
