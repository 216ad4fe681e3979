using Pane.Host.Guest;
using Pane.Host.Machines;

namespace Pane.Host.Cli.Provision;

/// <summary>Shows the guest's evidence of a failed boot or step before the error itself is printed.</summary>
internal static class GuestFailureReport
{
    /// <summary>Runs an operation; when it fails in the guest, writes what the guest printed to standard error and rethrows.</summary>
    /// <typeparam name="T">The operation's result.</typeparam>
    /// <param name="console">Where to write.</param>
    /// <param name="operation">The operation.</param>
    /// <returns>The operation's result.</returns>
    public static async Task<T> ShowEvidenceAsync<T>(CliConsole console, Func<Task<T>> operation)
    {
        try
        {
            return await operation().ConfigureAwait(false);
        }
        catch (GuestStepFailedException failure)
        {
            await WriteAsync(console, "The guest's output", failure.Evidence).ConfigureAwait(false);
            throw;
        }
        catch (LaunchFailedException failure)
        {
            await WriteAsync(console, "The guest's last console lines", failure.SerialTail).ConfigureAwait(false);
            throw;
        }
    }

    private static async Task WriteAsync(CliConsole console, string heading, IReadOnlyList<string> lines)
    {
        await console.Error.WriteLineAsync($"{heading} ({lines.Count} lines):").ConfigureAwait(false);
        foreach (var line in lines)
        {
            await console.Error.WriteLineAsync($"  | {line}").ConfigureAwait(false);
        }
    }
}
