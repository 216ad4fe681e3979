using System.Text;

namespace Pane.Platform;

/// <summary>What a program did.</summary>
/// <param name="Command">The command that ran.</param>
/// <param name="ExitCode">Its exit code.</param>
/// <param name="StandardOutput">The bytes it wrote to standard output, undecoded (wsl.exe writes UTF-16LE).</param>
/// <param name="StandardError">What it wrote to standard error, decoded as UTF-8.</param>
public sealed record ProcessResult(ProcessCommand Command, int ExitCode, ReadOnlyMemory<byte> StandardOutput, string StandardError)
{
    /// <summary>Gets standard output decoded as UTF-8.</summary>
    public string StandardOutputText => Encoding.UTF8.GetString(StandardOutput.Span);

    /// <summary>Throws unless the program exited with code 0.</summary>
    /// <returns>This result, so that calls can be chained.</returns>
    /// <exception cref="ProcessFailedException">The exit code was not 0.</exception>
    public ProcessResult EnsureSuccess() =>
        ExitCode == 0 ? this : throw ProcessFailedException.ForExitCode(this);
}
