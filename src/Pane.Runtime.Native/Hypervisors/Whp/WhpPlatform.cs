using System.Runtime.InteropServices;

namespace Pane.Runtime.Native.Hypervisors.Whp;

/// <summary>
/// The real <see cref="IWhpPlatform"/>: WinHvPlatform.dll and WinHvEmulation.dll through P/Invoke. The emulator
/// calls back into the devices through unmanaged function pointers, with the vCPU's handler passed as context.
/// Compiled on every build; it has not run here (no Windows).
/// </summary>
internal sealed unsafe partial class WhpPlatform : IWhpPlatform
{
    private const string Platform = "WinHvPlatform.dll";
    private const string Emulation = "WinHvEmulation.dll";

    [ThreadStatic]
    private static nint t_emulator;

    /// <inheritdoc/>
    public int CreatePartition(out nint partition) => WHvCreatePartition(out partition);

    /// <inheritdoc/>
    public int SetPartitionProperty(nint partition, uint property, uint value) => WHvSetPartitionProperty(partition, property, &value, sizeof(uint));

    /// <inheritdoc/>
    public int SetupPartition(nint partition) => WHvSetupPartition(partition);

    /// <inheritdoc/>
    public int MapGpaRange(nint partition, nint source, ulong guestAddress, ulong size, uint flags) =>
        WHvMapGpaRange(partition, (void*)source, guestAddress, size, flags);

    /// <inheritdoc/>
    public int CreateVirtualProcessor(nint partition, uint index) => WHvCreateVirtualProcessor(partition, index, 0);

    /// <inheritdoc/>
    public int SetRegisters(nint partition, uint index, uint[] names, UInt128[] values)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(values);
        var raw = stackalloc ulong[values.Length * 2];
        for (var register = 0; register < values.Length; register++)
        {
            raw[register * 2] = (ulong)values[register];
            raw[(register * 2) + 1] = (ulong)(values[register] >> 64);
        }

        fixed (uint* namePointer = names)
        {
            return WHvSetVirtualProcessorRegisters(partition, index, namePointer, (uint)names.Length, raw);
        }
    }

    /// <inheritdoc/>
    public int RunVirtualProcessor(nint partition, uint index, byte[] exitContext)
    {
        ArgumentNullException.ThrowIfNull(exitContext);
        fixed (byte* context = exitContext)
        {
            return WHvRunVirtualProcessor(partition, index, context, (uint)exitContext.Length);
        }
    }

    /// <inheritdoc/>
    public int Emulate(nint partition, uint index, byte[] exitContext, IVcpuExitHandler handler)
    {
        ArgumentNullException.ThrowIfNull(exitContext);
        var emulator = EnsureEmulator();
        if (emulator == 0)
        {
            return WhpConstants.Failed;
        }

        var state = GCHandle.Alloc(new EmulationContext(partition, index, handler));
        try
        {
            fixed (byte* context = exitContext)
            {
                var reason = *(uint*)context;
                uint status;
                var result = reason == WhpConstants.ExitIoPortAccess
                    ? WHvEmulatorTryIoEmulation(emulator, (void*)GCHandle.ToIntPtr(state), context + 8, context + WhpConstants.ExitInfoOffset, &status)
                    : WHvEmulatorTryMmioEmulation(emulator, (void*)GCHandle.ToIntPtr(state), context + 8, context + WhpConstants.ExitInfoOffset, &status);
                return result < 0 ? result : (status & 1) != 0 ? 0 : WhpConstants.Failed;
            }
        }
        finally
        {
            state.Free();
        }
    }

    /// <inheritdoc/>
    public int CancelRun(nint partition, uint index) => WHvCancelRunVirtualProcessor(partition, index, 0);

    /// <inheritdoc/>
    public int RequestInterrupt(nint partition, ulong control, uint destination, uint vector)
    {
        var request = stackalloc uint[4];
        *(ulong*)request = control;
        request[2] = destination;
        request[3] = vector;
        return WHvRequestInterrupt(partition, request, 16);
    }

    /// <inheritdoc/>
    public int DeletePartition(nint partition) => WHvDeletePartition(partition);

    private static nint EnsureEmulator()
    {
        if (t_emulator != 0)
        {
            return t_emulator;
        }

        var callbacks = stackalloc nint[6];
        ((uint*)callbacks)[0] = (uint)(6 * sizeof(nint));
        callbacks[1] = (nint)(delegate* unmanaged<void*, byte*, int>)&IoPortCallback;
        callbacks[2] = (nint)(delegate* unmanaged<void*, byte*, int>)&MemoryCallback;
        callbacks[3] = (nint)(delegate* unmanaged<void*, uint*, uint, void*, int>)&GetRegistersCallback;
        callbacks[4] = (nint)(delegate* unmanaged<void*, uint*, uint, void*, int>)&SetRegistersCallback;
        callbacks[5] = (nint)(delegate* unmanaged<void*, ulong, uint, uint*, ulong*, int>)&TranslateCallback;
        return WHvEmulatorCreateEmulator(callbacks, out t_emulator) < 0 ? 0 : t_emulator;
    }

    private static EmulationContext Context(void* context) => (EmulationContext)GCHandle.FromIntPtr((nint)context).Target!;

    [UnmanagedCallersOnly]
    private static int IoPortCallback(void* context, byte* access)
    {
        var size = *(ushort*)(access + 4);
        if (size is not (1 or 2 or 4))
        {
            return WhpConstants.NotImplemented;
        }

        var port = *(ushort*)(access + 2);
        var data = new Span<byte>(access + 8, size);
        if (access[0] == 0)
        {
            data.Clear();
            Context(context).Handler.PortRead(port, data);
        }
        else
        {
            Context(context).Handler.PortWrite(port, data);
        }

        return 0;
    }

    [UnmanagedCallersOnly]
    private static int MemoryCallback(void* context, byte* access)
    {
        var size = access[9];
        if (size is 0 or > 8)
        {
            return WhpConstants.NotImplemented;
        }

        var address = *(ulong*)access;
        var data = new Span<byte>(access + 10, size);
        if (access[8] == 0)
        {
            Context(context).Handler.MmioRead(address, data);
        }
        else
        {
            Context(context).Handler.MmioWrite(address, data);
        }

        return 0;
    }

    [UnmanagedCallersOnly]
    private static int GetRegistersCallback(void* context, uint* names, uint count, void* values)
    {
        var state = Context(context);
        return WHvGetVirtualProcessorRegisters(state.Partition, state.Index, names, count, values);
    }

    [UnmanagedCallersOnly]
    private static int SetRegistersCallback(void* context, uint* names, uint count, void* values)
    {
        var state = Context(context);
        return WHvSetVirtualProcessorRegisters(state.Partition, state.Index, names, count, values);
    }

    [UnmanagedCallersOnly]
    private static int TranslateCallback(void* context, ulong gva, uint flags, uint* result, ulong* gpa)
    {
        var state = Context(context);
        var translation = stackalloc uint[2];
        var outcome = WHvTranslateGva(state.Partition, state.Index, gva, flags, translation, gpa);
        *result = translation[0];
        return outcome;
    }

    [LibraryImport(Platform)]
    private static partial int WHvCreatePartition(out nint partition);

    [LibraryImport(Platform)]
    private static partial int WHvSetPartitionProperty(nint partition, uint property, void* value, uint size);

    [LibraryImport(Platform)]
    private static partial int WHvSetupPartition(nint partition);

    [LibraryImport(Platform)]
    private static partial int WHvMapGpaRange(nint partition, void* source, ulong guestAddress, ulong size, uint flags);

    [LibraryImport(Platform)]
    private static partial int WHvCreateVirtualProcessor(nint partition, uint index, uint flags);

    [LibraryImport(Platform)]
    private static partial int WHvSetVirtualProcessorRegisters(nint partition, uint index, uint* names, uint count, void* values);

    [LibraryImport(Platform)]
    private static partial int WHvGetVirtualProcessorRegisters(nint partition, uint index, uint* names, uint count, void* values);

    [LibraryImport(Platform)]
    private static partial int WHvRunVirtualProcessor(nint partition, uint index, void* exitContext, uint size);

    [LibraryImport(Platform)]
    private static partial int WHvCancelRunVirtualProcessor(nint partition, uint index, uint flags);

    [LibraryImport(Platform)]
    private static partial int WHvRequestInterrupt(nint partition, void* interrupt, uint size);

    [LibraryImport(Platform)]
    private static partial int WHvTranslateGva(nint partition, uint index, ulong gva, uint flags, void* result, ulong* gpa);

    [LibraryImport(Platform)]
    private static partial int WHvDeletePartition(nint partition);

    [LibraryImport(Emulation)]
    private static partial int WHvEmulatorCreateEmulator(void* callbacks, out nint emulator);

    [LibraryImport(Emulation)]
    private static partial int WHvEmulatorTryIoEmulation(nint emulator, void* context, void* vpContext, void* ioContext, uint* status);

    [LibraryImport(Emulation)]
    private static partial int WHvEmulatorTryMmioEmulation(nint emulator, void* context, void* vpContext, void* mmioContext, uint* status);

    private sealed record EmulationContext(nint Partition, uint Index, IVcpuExitHandler Handler);
}
