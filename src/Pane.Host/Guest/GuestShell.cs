using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using System.Threading.Channels;
using Pane.Runtimes;

namespace Pane.Host.Guest;

/// <summary>
/// Drives a guest's root shell on its serial console. It waits until the shell answers a probe, turns off the
/// terminal's echo, colours and the kernel's chatter, then runs each <see cref="GuestStep"/> in a subshell between a
/// begin and an end marker that carry a fresh nonce and the step's exit status. The markers are printed with
/// <c>printf '%s:%s'</c>, so the command line itself (should the terminal echo it) never contains them.
/// </summary>
internal sealed partial class GuestShell : IAsyncDisposable
{
    /// <summary>Ctrl+U: discards whatever the line holds (a half-typed probe that login flushed, say) before a command.</summary>
    private const char KillLine = '\u0015';

    /// <summary>Ctrl+C: interrupts a step that overran its time.</summary>
    private const char Interrupt = '\u0003';

    private const int EvidenceLines = 40;
    private static readonly TimeSpan s_probeInterval = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan s_setupTimeout = TimeSpan.FromSeconds(60);

    private readonly ISerialConsole _console;
    private readonly GuestTranscript _transcript;
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();
    private readonly KernelMessageFilter _kernel = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reader;
    private bool _echoOff;

    private GuestShell(ISerialConsole console, GuestTranscript transcript)
    {
        _console = console;
        _transcript = transcript;
        _reader = Task.Run(ReadAsync, CancellationToken.None);
    }

    /// <summary>Gets a value indicating whether the guest's terminal no longer echoes what Pane types.</summary>
    public bool EchoOff => _echoOff;

    /// <summary>Waits for the shell on a console and prepares it for steps.</summary>
    /// <param name="console">The machine's serial console, with an autologin root shell on it.</param>
    /// <param name="transcript">Where the session is recorded.</param>
    /// <param name="readyTimeout">How long the shell may take to answer.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The shell; dispose it when done.</returns>
    /// <exception cref="GuestStepFailedException">No shell answered within <paramref name="readyTimeout"/>, or the console closed.</exception>
    public static async Task<GuestShell> OpenAsync(ISerialConsole console, GuestTranscript transcript, TimeSpan readyTimeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(transcript);
        var shell = new GuestShell(console, transcript);
        try
        {
            await shell.WaitForPromptAsync(readyTimeout, cancellationToken).ConfigureAwait(false);
            await shell.PrepareAsync(cancellationToken).ConfigureAwait(false);
            return shell;
        }
        catch
        {
            await shell.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Runs a step and returns how it ended, whatever its exit status.</summary>
    /// <param name="step">The step.</param>
    /// <param name="onOutput">Called with each line the step prints (secrets redacted), as it arrives.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>Its exit status and output (trailing blank lines dropped).</returns>
    /// <exception cref="GuestStepFailedException">The step did not finish within its timeout, or the console closed.</exception>
    /// <exception cref="PaneException">The step has input but the terminal still echoes.</exception>
    public async Task<GuestStepResult> RunAsync(GuestStep step, Action<string>? onOutput, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        if (step.Input.Count > 0 && !_echoOff)
        {
            throw new PaneException(
                "The guest's terminal still echoes what is typed ('stty -echo' failed), so Pane will not type a password on it.",
                $"Check that the guest has a working 'stty'; the session is recorded in {_transcript.Path ?? "the transcript"}.");
        }

        var nonce = NewNonce();
        _transcript.Note($"step: {step.Title}");
        await SendAsync(Wrap(step.Script, nonce, inSubshell: true), cancellationToken).ConfigureAwait(false);
        var output = new List<string>();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(step.Timeout);
        try
        {
            var exitCode = await CollectAsync(nonce, step.Input, output, onOutput, timeout.Token).ConfigureAwait(false);
            _transcript.Note($"step ended with exit status {exitCode}: {step.Title}");
            return new GuestStepResult(exitCode, output);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            _transcript.Note($"step timed out after {step.Timeout}: {step.Title}");
            await _console.WriteLineAsync(Interrupt.ToString(), CancellationToken.None).ConfigureAwait(false);
            throw new GuestStepFailedException(
                $"The guest step '{step.Title}' did not finish within {Describe(step.Timeout)}.",
                $"Raise --timeout on a slow host or network, and read the session in {_transcript.Path ?? "the transcript"}.",
                Tail(output));
        }
    }

    /// <summary>Runs a step and fails unless it exits with status 0.</summary>
    /// <param name="step">The step.</param>
    /// <param name="onOutput">Called with each line the step prints (secrets redacted), as it arrives.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>Its output.</returns>
    /// <exception cref="GuestStepFailedException">The step failed, timed out, or the console closed.</exception>
    public async Task<GuestStepResult> RunCheckedAsync(GuestStep step, Action<string>? onOutput, CancellationToken cancellationToken)
    {
        var result = await RunAsync(step, onOutput, cancellationToken).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw new GuestStepFailedException(
                $"The guest step '{step.Title}' failed with exit status {result.ExitCode}.",
                $"Read the guest's output below; the whole session is in {_transcript.Path ?? "the transcript"}.",
                Tail(result.Output));
        }

        return result;
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _reader.ConfigureAwait(false);
        _stop.Dispose();
    }

    /// <summary>Keeps the last lines of an output as evidence.</summary>
    /// <param name="output">The output.</param>
    /// <returns>Its last lines.</returns>
    public static IReadOnlyList<string> Tail(IReadOnlyList<string> output) => [.. output.Skip(Math.Max(0, output.Count - EvidenceLines))];

    /// <summary>Wraps a script between the markers of a nonce.</summary>
    /// <param name="script">The script.</param>
    /// <param name="nonce">The nonce.</param>
    /// <param name="inSubshell">Whether the script runs in a subshell (steps) or in the shell itself (its preparation).</param>
    /// <returns>The text to type.</returns>
    internal static string Wrap(string script, string nonce, bool inSubshell) => inSubshell
        ? $"printf '%s:%s\\n' PANE-BEGIN {nonce}; (\n{script.TrimEnd()}\n); printf '\\n%s:%s:%s\\n' PANE-END {nonce} \"$?\""
        : $"printf '%s:%s\\n' PANE-BEGIN {nonce}; {script}; printf '\\n%s:%s:%s\\n' PANE-END {nonce} \"$?\"";

    private static string NewNonce() => RandomNumberGenerator.GetHexString(16, lowercase: true);

    private static string Describe(TimeSpan span) => span.TotalMinutes >= 1
        ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalMinutes:0.#} min")
        : string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.#} s");

    private async Task WaitForPromptAsync(TimeSpan readyTimeout, CancellationToken cancellationToken)
    {
        var nonce = NewNonce();
        var answer = $"PANE-READY:{nonce}";
        var seen = new List<string>();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(readyTimeout);
        try
        {
            while (true)
            {
                await SendAsync($"printf '%s:%s\\n' PANE-READY {nonce}", timeout.Token).ConfigureAwait(false);
                using var interval = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token);
                interval.CancelAfter(s_probeInterval);
                try
                {
                    while (true)
                    {
                        var line = await NextLineAsync(seen, interval.Token).ConfigureAwait(false);
                        if (line.Contains(answer, StringComparison.Ordinal))
                        {
                            _transcript.Note("the shell answered");
                            return;
                        }
                    }
                }
                catch (OperationCanceledException) when (!timeout.IsCancellationRequested)
                {
                    // No answer yet: probe again.
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new GuestStepFailedException(
                $"No shell answered on the guest's serial console within {Describe(readyTimeout)}.",
                "Check that the image starts a root shell on ttyS0 (serial autologin), or raise the timeout on a slow host.",
                Tail(seen));
        }
    }

    private async Task PrepareAsync(CancellationToken cancellationToken)
    {
        const string Setup =
            "export TERM=dumb NO_COLOR=1 SYSTEMD_COLORS=0 SYSTEMD_PAGER=cat PAGER=cat LC_ALL=C; unset HISTFILE PROMPT_COMMAND; "
            + "[ -n \"$BASH_VERSION\" ] && set +o history; PS1=''; PS2=''; dmesg -n 1 2>/dev/null; stty -echo";
        var nonce = NewNonce();
        _transcript.Note("preparing the shell: no echo, no colours, no history, quiet kernel");
        await SendAsync(Wrap(Setup, nonce, inSubshell: false), cancellationToken).ConfigureAwait(false);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(s_setupTimeout);
        var output = new List<string>();
        try
        {
            _echoOff = await CollectAsync(nonce, [], output, null, timeout.Token).ConfigureAwait(false) == 0;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new GuestStepFailedException(
                "The guest's shell did not finish its preparation within a minute.",
                $"Read the session in {_transcript.Path ?? "the transcript"}.",
                Tail(output));
        }
    }

    /// <summary>Reads a step's lines until its end marker, typing its input once it has begun.</summary>
    private async Task<int> CollectAsync(string nonce, IReadOnlyList<string> input, List<string> output, Action<string>? onOutput, CancellationToken cancellationToken)
    {
        var begin = $"PANE-BEGIN:{nonce}";
        var skipped = new List<string>();
        while (!(await NextLineAsync(skipped, cancellationToken).ConfigureAwait(false)).Contains(begin, StringComparison.Ordinal))
        {
            // Lines before the step began: answers to earlier probes, prompts, the echo of the command.
        }

        foreach (var line in input)
        {
            _transcript.Sent(line);
            await _console.WriteLineAsync(line, cancellationToken).ConfigureAwait(false);
        }

        while (true)
        {
            var line = await NextLineAsync(output, cancellationToken).ConfigureAwait(false);
            var end = EndMarker().Match(line);
            if (end.Success && end.Groups["nonce"].Value == nonce)
            {
                output.RemoveAt(output.Count - 1);
                if (end.Index > 0)
                {
                    output.Add(line[..end.Index]);
                }

                while (output.Count > 0 && output[^1].Length == 0)
                {
                    output.RemoveAt(output.Count - 1);
                }

                return int.Parse(end.Groups["status"].Value, NumberStyles.None, CultureInfo.InvariantCulture);
            }

            onOutput?.Invoke(line);
        }
    }

    /// <summary>Reads the next line the shell printed (redacted) and adds it to <paramref name="seen"/>.</summary>
    private async Task<string> NextLineAsync(List<string> seen, CancellationToken cancellationToken)
    {
        try
        {
            var line = _transcript.Redactor.Redact(await _lines.Reader.ReadAsync(cancellationToken).ConfigureAwait(false));
            seen.Add(line);
            return line;
        }
        catch (ChannelClosedException)
        {
            throw new GuestStepFailedException(
                "The guest's serial console closed: the machine stopped.",
                $"Read the guest's last lines below and the session in {_transcript.Path ?? "the transcript"}.",
                Tail(seen));
        }
    }

    private async Task SendAsync(string text, CancellationToken cancellationToken)
    {
        _transcript.Sent(text);
        await _console.WriteLineAsync(KillLine + text, cancellationToken).ConfigureAwait(false);
    }

    private async Task ReadAsync()
    {
        try
        {
            await foreach (var raw in _console.ReadLinesAsync(_stop.Token).ConfigureAwait(false))
            {
                var line = _kernel.Push(WithoutControlCharacters(raw), out var kernelMessage);
                if (kernelMessage is not null)
                {
                    _transcript.Kernel(kernelMessage);
                }

                if (line is not null)
                {
                    _transcript.Received(line);
                    _lines.Writer.TryWrite(line);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The session is over.
        }
        finally
        {
            _lines.Writer.TryComplete();
        }
    }

    /// <summary>Drops what a terminal does not print (carriage returns, bells, backspaces), keeping tabs.</summary>
    private static string WithoutControlCharacters(string line) =>
        line.Any(character => char.IsControl(character) && character != '\t')
            ? string.Concat(line.Where(character => !char.IsControl(character) || character == '\t'))
            : line;

    [GeneratedRegex(@"PANE-END:(?<nonce>[0-9a-f]+):(?<status>\d{1,3})")]
    private static partial Regex EndMarker();
}
