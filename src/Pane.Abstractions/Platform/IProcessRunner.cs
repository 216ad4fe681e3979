namespace Pane.Platform;

/// <summary>Runs external programs (qemu, qemu-img, wsl.exe) to completion and captures what they print.</summary>
public interface IProcessRunner
{
    /// <summary>Runs a program and waits for it to exit.</summary>
    /// <param name="command">The program and its arguments.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests; cancelling kills the program.</param>
    /// <returns>Its exit code and output, whatever the exit code.</returns>
    /// <exception cref="ProcessFailedException">The program could not be started, or did not exit within <see cref="ProcessCommand.Timeout"/>.</exception>
    Task<ProcessResult> RunAsync(ProcessCommand command, CancellationToken cancellationToken);
}
