namespace Pane.Host.Cli;

/// <summary>The exit codes of <c>pane</c>.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Success = 0;

    /// <summary>The command failed, or found that nothing can run a machine.</summary>
    public const int Failure = 1;

    /// <summary>The command line was wrong: an unknown command or option, a missing or bad value.</summary>
    public const int Usage = 2;
}
