namespace Pane.Runtime.Native.Machine;

/// <summary>Why a native machine stopped.</summary>
/// <param name="Reason">A short description.</param>
/// <param name="IsFailure">Whether the VMM failed rather than the guest or the user ending it.</param>
internal sealed record MachineExit(string Reason, bool IsFailure)
{
    /// <summary>Gets the exit of a machine stopped by Pane.</summary>
    public static MachineExit Stopped { get; } = new("stopped", false);

    /// <summary>Gets the exit of a guest that shut down or reset.</summary>
    public static MachineExit GuestShutdown { get; } = new("the guest shut down", false);

    /// <summary>Gets the exit of a guest that powered off.</summary>
    public static MachineExit GuestPoweredOff { get; } = new("the guest powered off", false);

    /// <summary>Creates the exit of a VMM failure.</summary>
    /// <param name="reason">What failed.</param>
    /// <returns>The exit.</returns>
    public static MachineExit Failed(string reason) => new(reason, true);
}
