namespace Pane.Runtime.Native.Virtio;

/// <summary>The device status bits (Virtio 1.2, section 2.1).</summary>
[Flags]
internal enum VirtioStatus : uint
{
    /// <summary>Reset.</summary>
    None = 0,

    /// <summary>The guest found the device.</summary>
    Acknowledge = 1,

    /// <summary>The guest has a driver for it.</summary>
    Driver = 2,

    /// <summary>The driver is ready.</summary>
    DriverOk = 4,

    /// <summary>The driver finished feature negotiation.</summary>
    FeaturesOk = 8,

    /// <summary>The device hit an error it cannot recover from.</summary>
    DeviceNeedsReset = 64,

    /// <summary>The driver gave up on the device.</summary>
    Failed = 128,
}
