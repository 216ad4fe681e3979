using Pane.Platform;

namespace Pane.Runtime.QemuWhpx.Disks;

/// <summary>
/// Runs a long <c>qemu-img</c> so that, on Linux, it dies with pane: through <c>setpriv --pdeathsig KILL</c> (util-linux),
/// which has the kernel kill it when the thread that started it ends. That thread is an own one that waits for the
/// program to end, since a thread-pool thread may end while the program still runs. Without <c>setpriv</c> (or off
/// Linux) the command runs as it is, and <see cref="LeftoverCopyWriters"/> stops an orphan on the next compaction.
/// </summary>
internal static class ParentBoundProcess
{
    private static readonly Lazy<string?> s_setpriv = new(() => OperatingSystem.IsLinux()
        ? new[] { "/usr/bin/setpriv", "/bin/setpriv" }.FirstOrDefault(File.Exists)
        : null);

    /// <summary>Runs the command, bound to this process's life where the platform allows.</summary>
    /// <param name="processes">Runs it; it must start the program before its first wait, as the host's runner does.</param>
    /// <param name="command">The command.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The result.</returns>
    public static Task<ProcessResult> RunAsync(IProcessRunner processes, ProcessCommand command, CancellationToken cancellationToken)
    {
        if (s_setpriv.Value is not { } setpriv)
        {
            return processes.RunAsync(command, cancellationToken);
        }

        var bound = command with { FileName = setpriv, Arguments = ["--pdeathsig", "KILL", "--", command.FileName, .. command.Arguments] };
        var result = new TaskCompletionSource<ProcessResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var owner = new Thread(() =>
        {
            try
            {
                result.SetResult(processes.RunAsync(bound, cancellationToken).GetAwaiter().GetResult());
            }
            catch (Exception error)
            {
                result.SetException(error);
            }
        })
        {
            IsBackground = true,
            Name = "qemu-img owner",
        };
        owner.Start();
        return result.Task;
    }
}
