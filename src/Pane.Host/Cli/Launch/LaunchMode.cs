namespace Pane.Host.Cli.Launch;

/// <summary>What <c>pane launch</c> does once the guest reached its login.</summary>
internal enum LaunchMode
{
    /// <summary>Attach the terminal to the serial console.</summary>
    Foreground,

    /// <summary>Print the timeline, then power off unless asked to keep the machine.</summary>
    Headless,

    /// <summary>Return and leave the machine running.</summary>
    Detach,
}
