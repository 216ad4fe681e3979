using System.Globalization;
using Pane.Host.Machines;

namespace Pane.Host.Cli.Workspace;

/// <summary>
/// Runs a workspace action for <c>pane workspace</c> and for <c>pane launch --reset|--purge|--compact</c>: says what
/// it will touch, asks unless told yes, does it, and says what it did.
/// </summary>
internal sealed class WorkspaceActions
{
    private readonly WorkspaceMaintenance _workspace;
    private readonly IConfirmation _confirmation;
    private readonly CliConsole _console;

    public WorkspaceActions(WorkspaceMaintenance workspace, IConfirmation confirmation, CliConsole console)
    {
        _workspace = workspace;
        _confirmation = confirmation;
        _console = console;
    }

    /// <summary>Runs the action.</summary>
    /// <param name="action">What to do.</param>
    /// <param name="name">The machine.</param>
    /// <param name="yes">Whether the user confirmed up front.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns><see langword="false"/> when the user declined and nothing changed.</returns>
    /// <exception cref="PaneException">The machine runs, no one can confirm, or the action failed.</exception>
    public async Task<bool> RunAsync(WorkspaceAction action, string name, bool yes, CancellationToken cancellationToken)
    {
        var output = _console.Output;
        var disks = _workspace.DisksFor(name, action);
        if (disks.Count == 0)
        {
            await output.WriteLineAsync(action == WorkspaceAction.Reset
                ? $"Machine '{name}' has no root overlay; it starts from the base image already."
                : $"Machine '{name}' has no disks to {Verb(action)}.").ConfigureAwait(false);
            return true;
        }

        var list = string.Join(", ", disks.Select(disk => $"{disk.Name} ({Bytes(disk.Length)})"));
        var question = action == WorkspaceAction.Compact
            ? $"Compact {list} of machine '{name}'?"
            : $"Delete {list} of machine '{name}' for good?";
        if (!yes && !await _confirmation.ConfirmAsync(question, cancellationToken).ConfigureAwait(false))
        {
            await output.WriteLineAsync("Nothing changed.").ConfigureAwait(false);
            return false;
        }

        if (action == WorkspaceAction.Compact)
        {
            foreach (var result in await _workspace.CompactAsync(name, cancellationToken).ConfigureAwait(false))
            {
                await output.WriteLineAsync(string.Create(
                    CultureInfo.InvariantCulture,
                    $"Compacted {Path.GetFileName(result.Path)}: {Bytes(result.BytesBefore)} -> {Bytes(result.BytesAfter)} on disk, {result.BytesReclaimed} bytes reclaimed.")).ConfigureAwait(false);
            }

            return true;
        }

        foreach (var disk in _workspace.Discard(name, action))
        {
            await output.WriteLineAsync($"Deleted {disk.FullName}.").ConfigureAwait(false);
        }

        await output.WriteLineAsync(action == WorkspaceAction.Reset
            ? $"Machine '{name}' starts from its base image at the next launch."
            : $"Machine '{name}' starts from its base image with an empty /home at the next launch.").ConfigureAwait(false);
        return true;
    }

    private static string Verb(WorkspaceAction action) => action == WorkspaceAction.Compact ? "compact" : "delete";

    private static string Bytes(long bytes) => bytes switch
    {
        >= 1L << 30 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 30):0.0} GiB"),
        >= 1L << 20 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 20):0.0} MiB"),
        >= 1L << 10 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 10):0.0} KiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes"),
    };
}
