namespace Pane.Runtime.Native.Devices;

/// <summary>Runs a device's work off the vCPU thread that asked for it (or inline, in tests).</summary>
internal interface IDeviceWorker
{
    /// <summary>Schedules work; returns at once.</summary>
    /// <param name="work">The work.</param>
    void Schedule(Action work);
}
