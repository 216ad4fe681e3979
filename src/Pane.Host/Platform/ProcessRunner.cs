using System.Diagnostics;
using System.ComponentModel;
using Pane.Platform;

namespace Pane.Host.Platform;

/// <summary>Runs external programs through <see cref="Process"/>, capturing both output streams.</summary>
internal sealed class ProcessRunner : IProcessRunner
{
    public async Task<ProcessResult> RunAsync(ProcessCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        using var process = new Process { StartInfo = CreateStartInfo(command) };
        try
        {
            process.Start();
        }
        catch (Win32Exception error)
        {
            throw new ProcessFailedException(
                command,
                $"Could not start '{command.FileName}': {error.Message}.",
                "Check that the program is installed and that its path is right.",
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
            process.Kill(entireProcessTree: true);
            cancellationToken.ThrowIfCancellationRequested();
            throw new ProcessFailedException(
                command,
                $"'{command}' did not finish within {command.Timeout.TotalSeconds:0.#} s and was stopped.",
                "Run the command by hand to see where it hangs.");
        }

        await outputCopy.ConfigureAwait(false);
        var standardError = await errorRead.ConfigureAwait(false);
        return new ProcessResult(command, process.ExitCode, output.ToArray(), standardError);
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
