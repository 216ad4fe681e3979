using Pane.Platform;
using Pane.Runtimes;

namespace Pane.Host.Cli.Launch;

/// <summary>
/// Connects the user's terminal to a machine's serial console: the guest's bytes to standard output, keystrokes to
/// the guest, with the terminal in raw mode so that keys such as Ctrl+C reach the guest. Ctrl+] detaches.
/// </summary>
internal sealed class TerminalAttachment
{
    /// <summary>The key that detaches: Ctrl+] (group separator), as telnet and virsh use it.</summary>
    public const byte DetachKey = 0x1d;

    private readonly IProcessRunner _processes;
    private readonly IHostPlatform _platform;

    public TerminalAttachment(IProcessRunner processes, IHostPlatform platform)
    {
        _processes = processes;
        _platform = platform;
    }

    /// <summary>Attaches until the user detaches or the machine stops.</summary>
    /// <param name="console">The machine's console.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns><see langword="true"/> when the user detached, <see langword="false"/> when the machine stopped.</returns>
    public async Task<bool> AttachAsync(ISerialConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(console);
        var guest = await console.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (guest.ConfigureAwait(false))
        {
            var restore = await EnterRawModeAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                var output = guest.CopyToAsync(System.Console.OpenStandardOutput(), stop.Token);
                var input = Task.Run(() => ForwardKeysAsync(guest, stop.Token), CancellationToken.None);
                var first = await Task.WhenAny(output, input).ConfigureAwait(false);
                await stop.CancelAsync().ConfigureAwait(false);
                return first == input;
            }
            finally
            {
                if (restore is not null)
                {
                    await _processes.RunAsync(new ProcessCommand("stty", ["-F", "/dev/tty", restore]), CancellationToken.None).ConfigureAwait(false);
                }
            }
        }
    }

    private static async Task ForwardKeysAsync(Stream guest, CancellationToken cancellationToken)
    {
        var keys = System.Console.OpenStandardInput();
        var buffer = new byte[256];
        int read;
        while ((read = await keys.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            var detach = Array.IndexOf(buffer, DetachKey, 0, read);
            await guest.WriteAsync(buffer.AsMemory(0, detach >= 0 ? detach : read), cancellationToken).ConfigureAwait(false);
            if (detach >= 0)
            {
                return;
            }
        }
    }

    /// <summary>Puts a Unix terminal in raw mode and returns the settings to restore, or null where there is none.</summary>
    private async Task<string?> EnterRawModeAsync(CancellationToken cancellationToken)
    {
        if (_platform.OperatingSystem == HostOperatingSystem.Windows || System.Console.IsInputRedirected)
        {
            return null;
        }

        var saved = await _processes.RunAsync(new ProcessCommand("stty", ["-F", "/dev/tty", "-g"]), cancellationToken).ConfigureAwait(false);
        if (saved.ExitCode != 0)
        {
            return null;
        }

        (await _processes.RunAsync(new ProcessCommand("stty", ["-F", "/dev/tty", "raw", "-echo"]), cancellationToken).ConfigureAwait(false)).EnsureSuccess();
        return saved.StandardOutputText.Trim();
    }
}
