namespace Pane.Platform;

/// <summary>An external program could not be started, timed out, or exited with a failure code.</summary>
public sealed class ProcessFailedException : PaneException
{
    /// <summary>Initializes a new instance of the <see cref="ProcessFailedException"/> class.</summary>
    /// <param name="command">The command.</param>
    /// <param name="message">One sentence on what went wrong.</param>
    /// <param name="remedy">One sentence on what to do.</param>
    /// <param name="innerException">The failure that caused this one, if any.</param>
    public ProcessFailedException(ProcessCommand command, string message, string remedy, Exception? innerException = null)
        : base(message, remedy, innerException!)
    {
        ArgumentNullException.ThrowIfNull(command);
        Command = command;
    }

    /// <summary>Gets the command.</summary>
    public ProcessCommand Command { get; }

    /// <summary>Gets the exit code, when the program ran to the end.</summary>
    public int? ExitCode { get; init; }

    /// <summary>Creates the exception for a program that exited with a code other than 0.</summary>
    /// <param name="result">What the program did.</param>
    /// <returns>The exception, whose message names the command and quotes the end of its standard error.</returns>
    public static ProcessFailedException ForExitCode(ProcessResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var error = result.StandardError.Trim();
        if (error.Length > 400)
        {
            error = "..." + error[^400..];
        }

        var said = error.Length == 0 ? "and printed nothing on standard error" : $": {error}";
        return new ProcessFailedException(
            result.Command,
            $"'{result.Command}' exited with code {result.ExitCode} {said}".Replace(" :", ":", StringComparison.Ordinal),
            "Check the message above; run the command by hand to see all of its output.")
        {
            ExitCode = result.ExitCode,
        };
    }
}
