using System.Buffers.Binary;
using Pane.Runtime.Native.Boot;

namespace Pane.Runtime.Native.Hypervisors.Whp;

/// <summary>
/// A WHP virtual processor. <see cref="Run"/> calls <c>WHvRunVirtualProcessor</c> and decodes the exit: a plain
/// <c>in</c>/<c>out</c> straight from the exit context (value in RAX, RIP stepped past the instruction), string port
/// I/O and MMIO through the WinHvEmulation instruction emulator, the APIC's end-of-interrupt to the I/O APIC.
/// </summary>
internal sealed class WhpVcpu : IVcpu
{
    private readonly IWhpPlatform _platform;
    private readonly nint _partition;
    private readonly byte[] _exit = new byte[WhpConstants.ExitContextSize];
    private volatile bool _cancelled;

    /// <summary>Initializes a new instance of the <see cref="WhpVcpu"/> class.</summary>
    /// <param name="platform">The WHP calls.</param>
    /// <param name="partition">The partition.</param>
    /// <param name="index">The processor's index.</param>
    public WhpVcpu(IWhpPlatform platform, nint partition, int index)
    {
        _platform = platform;
        _partition = partition;
        Index = index;
    }

    /// <inheritdoc/>
    public int Index { get; }

    /// <inheritdoc/>
    public void SetBootState(VcpuBootState state)
    {
        var (names, values) = WhpRegisters.BootState(state);
        WhpCheck.Succeeded(_platform.SetRegisters(_partition, (uint)Index, names, values), "WHvSetVirtualProcessorRegisters");
    }

    /// <inheritdoc/>
    public void SetRealModeEntry(ushort address)
    {
        var code = new SegmentState(0, 0, 0xFFFF, 0xB, IsCodeOrData: true, Is64Bit: false, IsDefault32Bit: false, IsPageGranular: false);
        WhpCheck.Succeeded(
            _platform.SetRegisters(_partition, (uint)Index, [WhpConstants.Cs, WhpConstants.Rip, WhpConstants.Rflags], [WhpRegisters.Segment(code), address, 0x2]),
            "WHvSetVirtualProcessorRegisters");
    }

    /// <inheritdoc/>
    public VcpuRunResult Run(IVcpuExitHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (_cancelled)
        {
            return VcpuRunResult.Cancelled;
        }

        WhpCheck.Succeeded(_platform.RunVirtualProcessor(_partition, (uint)Index, _exit), "WHvRunVirtualProcessor");
        var reason = BinaryPrimitives.ReadUInt32LittleEndian(_exit);
        switch (reason)
        {
            case WhpConstants.ExitIoPortAccess:
                HandlePortIo(handler);
                return VcpuRunResult.Continue;
            case WhpConstants.ExitMemoryAccess:
                WhpCheck.Succeeded(_platform.Emulate(_partition, (uint)Index, _exit, handler), "WHvEmulatorTryMmioEmulation");
                return VcpuRunResult.Continue;
            case WhpConstants.ExitApicEoi:
                handler.EndOfInterrupt((byte)BinaryPrimitives.ReadUInt32LittleEndian(_exit.AsSpan(WhpConstants.ExitInfoOffset)));
                return VcpuRunResult.Continue;
            case WhpConstants.ExitCanceled:
                return _cancelled ? VcpuRunResult.Cancelled : VcpuRunResult.Continue;
            case WhpConstants.ExitNone:
            case WhpConstants.ExitInterruptWindow:
            case WhpConstants.ExitHalt:
                return VcpuRunResult.Continue;
            case WhpConstants.ExitUnrecoverableException:
                return VcpuRunResult.Shutdown;
            default:
                throw new HypervisorException("WHvRunVirtualProcessor", (int)reason, $"the vCPU stopped with exit reason 0x{reason:x}");
        }
    }

    /// <inheritdoc/>
    public void Cancel()
    {
        _cancelled = true;
        _ = _platform.CancelRun(_partition, (uint)Index);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
    }

    private void HandlePortIo(IVcpuExitHandler handler)
    {
        var info = BinaryPrimitives.ReadUInt32LittleEndian(_exit.AsSpan(WhpConstants.IoAccessInfoOffset));
        var isWrite = (info & 1) != 0;
        var size = (int)((info >> 1) & 0x7);
        var isString = (info & (1u << 4)) != 0;
        if (isString || size is not (1 or 2 or 4))
        {
            WhpCheck.Succeeded(_platform.Emulate(_partition, (uint)Index, _exit, handler), "WHvEmulatorTryIoEmulation");
            return;
        }

        var port = BinaryPrimitives.ReadUInt16LittleEndian(_exit.AsSpan(WhpConstants.IoPortOffset));
        var rax = BinaryPrimitives.ReadUInt64LittleEndian(_exit.AsSpan(WhpConstants.IoRaxOffset));
        Span<byte> data = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(data, (uint)rax);
        var rip = BinaryPrimitives.ReadUInt64LittleEndian(_exit.AsSpan(WhpConstants.RipOffset)) + (ulong)(_exit[WhpConstants.InstructionLengthOffset] & 0x0F);
        if (isWrite)
        {
            handler.PortWrite(port, data[..size]);
            WhpCheck.Succeeded(_platform.SetRegisters(_partition, (uint)Index, [WhpConstants.Rip], [rip]), "WHvSetVirtualProcessorRegisters");
            return;
        }

        data.Clear();
        handler.PortRead(port, data[..size]);
        var mask = size == 4 ? 0xFFFF_FFFFUL : (1UL << (size * 8)) - 1;
        var value = size == 4 ? BinaryPrimitives.ReadUInt32LittleEndian(data) : (rax & ~mask) | (BinaryPrimitives.ReadUInt32LittleEndian(data) & mask);
        WhpCheck.Succeeded(_platform.SetRegisters(_partition, (uint)Index, [WhpConstants.Rax, WhpConstants.Rip], [value, rip]), "WHvSetVirtualProcessorRegisters");
    }
}
