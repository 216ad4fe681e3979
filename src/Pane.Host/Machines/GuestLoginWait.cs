using Pane.Runtimes;

namespace Pane.Host.Machines;

/// <summary>
/// Waits for a started machine's guest to reach its login: reports each boot milestone as it comes and keeps the
/// console's last lines, so that a machine that stops or stalls first fails the launch with what its guest said last.
/// </summary>
internal static class GuestLoginWait
{
    private const int SerialTailLines = 40;
    private static readonly TimeSpan ConsoleDrainTime = TimeSpan.FromSeconds(2);

    /// <summary>Waits until the guest reaches its login.</summary>
    /// <param name="machine">The started machine.</param>
    /// <param name="name">The machine's name, for messages.</param>
    /// <param name="timeout">How long the guest may take.</param>
    /// <param name="onMilestone">Called for each boot milestone as it happens.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <exception cref="LaunchFailedException">The machine stopped, or the guest took longer than <paramref name="timeout"/>.</exception>
    public static async Task WaitAsync(IVirtualMachine machine, string name, TimeSpan timeout, Action<BootMilestone> onMilestone, CancellationToken cancellationToken)
    {
        var login = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tail = new Queue<string>(SerialTailLines);
        using var reading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var collecting = CollectTailAsync(machine, tail, reading.Token);
        var reported = 0;
        void ReportNewMilestones()
        {
            lock (login)
            {
                var milestones = machine.Milestones;
                for (; reported < milestones.Count; reported++)
                {
                    onMilestone(milestones[reported]);
                    if (milestones[reported].Kind == BootMilestoneKind.Login)
                    {
                        login.TrySetResult();
                    }
                }
            }
        }

        void OnMilestone(object? sender, BootMilestone milestone) => ReportNewMilestones();
        machine.MilestoneReached += OnMilestone;
        try
        {
            ReportNewMilestones();
            var exited = machine.WaitForExitAsync(reading.Token);
            var finished = await Task.WhenAny(login.Task, exited, Task.Delay(timeout, reading.Token)).ConfigureAwait(false);
            if (finished == login.Task)
            {
                return;
            }

            cancellationToken.ThrowIfCancellationRequested();
            if (finished == exited)
            {
                await DrainAsync(collecting).ConfigureAwait(false);
            }

            var reason = finished == exited
                ? $"Machine '{name}' stopped before its guest reached a login."
                : $"Machine '{name}' did not reach a login within {timeout.TotalSeconds:0} s.";
            throw new LaunchFailedException(reason, "Read the guest's last console lines above; raise --timeout on a slow host, or check the image.", Snapshot(tail));
        }
        finally
        {
            machine.MilestoneReached -= OnMilestone;
            await reading.CancelAsync().ConfigureAwait(false);
            await collecting.ConfigureAwait(false);
        }
    }

    private static async Task CollectTailAsync(IVirtualMachine machine, Queue<string> tail, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var line in machine.Console.ReadLinesAsync(cancellationToken).ConfigureAwait(false))
            {
                lock (tail)
                {
                    if (tail.Count == SerialTailLines)
                    {
                        tail.Dequeue();
                    }

                    tail.Enqueue(line);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The wait is over.
        }
    }

    /// <summary>Gives the console of a machine that has exited a moment to deliver its last lines (a runtime may end it with why the machine stopped).</summary>
    private static async Task DrainAsync(Task collecting)
    {
        try
        {
            await collecting.WaitAsync(ConsoleDrainTime).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // The console outlives its machine (a socket QEMU left open); report what it delivered.
        }
    }

    private static string[] Snapshot(Queue<string> tail)
    {
        lock (tail)
        {
            return [.. tail];
        }
    }
}
