using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Pane.Platform;

namespace Pane.Host.Platform;

/// <summary>
/// Runs external programs through <see cref="Process"/>, capturing standard output as bytes and standard error as
/// text. A program that outlives its timeout, or whose caller cancels, is killed with its whole process tree.
/// </summary>
internal sealed class ProcessRunner : IProcessRunner
{
    private static readonly TimeSpan s_drainAfterKill = TimeSpan.FromSeconds(2);

    /// <inheritdoc/>
    public async Task<ProcessResult> RunAsync(ProcessCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        cancellationToken.ThrowIfCancellationRequested();
        using var process = new Process { StartInfo = CreateStartInfo(command) };
        try
        {
            process.Start();
        }
        catch (Win32Exception error)
        {
            throw new ProcessFailedException(
                command,
                $"Could not start '{command}': {error.Message.TrimEnd('.')}.",
                $"Check that '{command.FileName}' is installed and that its path is right.",
                error);
        }

        process.StandardInput.Close();
        using var output = new MemoryStream();
        var outputCopy = process.StandardOutput.BaseStream.CopyToAsync(output, CancellationToken.None);
        var errorRead = process.StandardError.ReadToEndAsync(CancellationToken.None);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(command.Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await KillAsync(process, outputCopy, errorRead).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            throw new ProcessFailedException(
                command,
                string.Create(CultureInfo.InvariantCulture, $"'{command}' did not finish within {command.Timeout.TotalSeconds:0.###} s and was stopped."),
                "Run the command by hand to see where it hangs.");
        }

        await outputCopy.ConfigureAwait(false);
        var standardError = await errorRead.ConfigureAwait(false);
        return new ProcessResult(command, process.ExitCode, output.ToArray(), standardError);
    }

    private static async Task KillAsync(Process process, Task outputCopy, Task<string> errorRead)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited on its own in the meantime.
        }

        // Let the readers see the end of the pipes, so that nothing reads from a disposed process.
        try
        {
            await Task.WhenAll(outputCopy, errorRead, process.WaitForExitAsync()).WaitAsync(s_drainAfterKill).ConfigureAwait(false);
        }
        catch (Exception error) when (error is TimeoutException or IOException or ObjectDisposedException)
        {
            // A grandchild that escaped the kill may still hold a pipe; its output is not wanted.
        }
    }

    private static ProcessStartInfo CreateStartInfo(ProcessCommand command)
    {
        var startInfo = new ProcessStartInfo(command.FileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        foreach (var argument in command.Arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in command.Environment)
        {
            startInfo.Environment[name] = value;
        }

        return startInfo;
    }
}
