namespace Pane.Runtime.Native.Machine;

/// <summary>Why a native machine stopped.</summary>
/// <param name="Reason">A short description.</param>
/// <param name="IsFailure">Whether the VMM failed rather than the guest or the user ending it.</param>
/// <param name="IsUnexpected">Whether neither Pane nor a guest power-off ended the machine, so the user needs to be told why.</param>
internal sealed record MachineExit(string Reason, bool IsFailure, bool IsUnexpected)
{
    /// <summary>Gets the exit of a machine stopped by Pane.</summary>
    public static MachineExit Stopped { get; } = new("stopped by Pane", false, false);

    /// <summary>Gets the exit of a guest that shut down or reset (a triple fault ends the same way).</summary>
    public static MachineExit GuestShutdown { get; } = new("the guest reset or shut down the vCPU (a triple fault does this too)", false, true);

    /// <summary>Gets the exit of a guest that powered off.</summary>
    public static MachineExit GuestPoweredOff { get; } = new("the guest powered off", false, false);

    /// <summary>Gets the exit of a machine whose every vCPU halted with nothing left to wake it.</summary>
    public static MachineExit VcpusHalted { get; } = new("every vCPU halted with nothing left to wake it", false, true);

    /// <summary>Creates the exit of a VMM failure.</summary>
    /// <param name="reason">What failed.</param>
    /// <returns>The exit.</returns>
    public static MachineExit Failed(string reason) => new(reason, true, true);
}
