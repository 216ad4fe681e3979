namespace Pane.Runtime.Native.Virtio;

/// <summary>
/// A virtio device behind a transport (Virtio 1.2, chapter 5): its id, features, configuration space and queues.
/// The transport owns the registers and the status machine; the device does the work.
/// </summary>
internal interface IVirtioDevice
{
    /// <summary>Gets the virtio device id (2 for a block device).</summary>
    uint DeviceId { get; }

    /// <summary>Gets the feature bits the device offers, including <c>VIRTIO_F_VERSION_1</c>.</summary>
    ulong Features { get; }

    /// <summary>Gets the number of queues.</summary>
    int QueueCount { get; }

    /// <summary>Gets the largest size the driver may give a queue.</summary>
    ushort MaxQueueSize { get; }

    /// <summary>Reads the device-specific configuration space; bytes past its end read as zero.</summary>
    /// <param name="offset">The offset into the configuration space.</param>
    /// <param name="data">Where to put the bytes.</param>
    void ReadConfig(ulong offset, Span<byte> data);

    /// <summary>Starts the device once the driver set DRIVER_OK.</summary>
    /// <param name="features">The features the driver accepted.</param>
    /// <param name="queues">The queues the driver made ready; <see langword="null"/> for those it did not.</param>
    /// <param name="interrupt">Raises the used-buffer interrupt; callable from any thread.</param>
    void Activate(ulong features, IReadOnlyList<SplitVirtqueue?> queues, Action interrupt);

    /// <summary>Handles the driver's notification that a queue has new buffers; must not block the calling vCPU.</summary>
    /// <param name="queue">The queue index.</param>
    void Notify(int queue);

    /// <summary>Stops the device and forgets its queues, as on a reset by the driver.</summary>
    void Reset();
}
