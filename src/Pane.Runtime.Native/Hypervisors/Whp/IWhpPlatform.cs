namespace Pane.Runtime.Native.Hypervisors.Whp;

/// <summary>
/// The Windows Hypervisor Platform calls the WHP backend makes (WinHvPlatform.dll and WinHvEmulation.dll), each
/// returning its HRESULT. A seam, so the backend's logic is tested where WHP does not exist.
/// </summary>
internal interface IWhpPlatform
{
    /// <summary>WHvCreatePartition.</summary>
    /// <param name="partition">The new partition's handle.</param>
    /// <returns>The HRESULT.</returns>
    int CreatePartition(out nint partition);

    /// <summary>WHvSetPartitionProperty with a 32-bit value.</summary>
    /// <param name="partition">The partition.</param>
    /// <param name="property">The <c>WHV_PARTITION_PROPERTY_CODE</c>.</param>
    /// <param name="value">The value.</param>
    /// <returns>The HRESULT.</returns>
    int SetPartitionProperty(nint partition, uint property, uint value);

    /// <summary>WHvSetupPartition.</summary>
    /// <param name="partition">The partition.</param>
    /// <returns>The HRESULT.</returns>
    int SetupPartition(nint partition);

    /// <summary>WHvMapGpaRange.</summary>
    /// <param name="partition">The partition.</param>
    /// <param name="source">The host memory.</param>
    /// <param name="guestAddress">The guest-physical address.</param>
    /// <param name="size">The size.</param>
    /// <param name="flags">The <c>WHV_MAP_GPA_RANGE_FLAGS</c>.</param>
    /// <returns>The HRESULT.</returns>
    int MapGpaRange(nint partition, nint source, ulong guestAddress, ulong size, uint flags);

    /// <summary>WHvCreateVirtualProcessor.</summary>
    /// <param name="partition">The partition.</param>
    /// <param name="index">The processor's index.</param>
    /// <returns>The HRESULT.</returns>
    int CreateVirtualProcessor(nint partition, uint index);

    /// <summary>WHvSetVirtualProcessorRegisters.</summary>
    /// <param name="partition">The partition.</param>
    /// <param name="index">The processor.</param>
    /// <param name="names">The <c>WHV_REGISTER_NAME</c>s.</param>
    /// <param name="values">The 16-byte <c>WHV_REGISTER_VALUE</c>s.</param>
    /// <returns>The HRESULT.</returns>
    int SetRegisters(nint partition, uint index, uint[] names, UInt128[] values);

    /// <summary>WHvRunVirtualProcessor.</summary>
    /// <param name="partition">The partition.</param>
    /// <param name="index">The processor.</param>
    /// <param name="exitContext">Receives the <c>WHV_RUN_VP_EXIT_CONTEXT</c>.</param>
    /// <returns>The HRESULT.</returns>
    int RunVirtualProcessor(nint partition, uint index, byte[] exitContext);

    /// <summary>WHvEmulatorTryMmioEmulation or WHvEmulatorTryIoEmulation for the exit in <paramref name="exitContext"/>, with callbacks into the devices.</summary>
    /// <param name="partition">The partition.</param>
    /// <param name="index">The processor.</param>
    /// <param name="exitContext">The exit.</param>
    /// <param name="handler">The devices.</param>
    /// <returns>The HRESULT; the emulator's own failure is reported as <c>E_FAIL</c>.</returns>
    int Emulate(nint partition, uint index, byte[] exitContext, IVcpuExitHandler handler);

    /// <summary>WHvCancelRunVirtualProcessor.</summary>
    /// <param name="partition">The partition.</param>
    /// <param name="index">The processor.</param>
    /// <returns>The HRESULT.</returns>
    int CancelRun(nint partition, uint index);

    /// <summary>WHvRequestInterrupt.</summary>
    /// <param name="partition">The partition.</param>
    /// <param name="control">The first 8 bytes of <c>WHV_INTERRUPT_CONTROL</c>: type, destination mode, trigger mode.</param>
    /// <param name="destination">The destination APIC id.</param>
    /// <param name="vector">The vector.</param>
    /// <returns>The HRESULT.</returns>
    int RequestInterrupt(nint partition, ulong control, uint destination, uint vector);

    /// <summary>WHvDeletePartition.</summary>
    /// <param name="partition">The partition.</param>
    /// <returns>The HRESULT.</returns>
    int DeletePartition(nint partition);
}
