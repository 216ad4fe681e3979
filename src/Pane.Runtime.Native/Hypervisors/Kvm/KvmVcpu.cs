using System.Runtime.InteropServices;
using Pane.Runtime.Native.Boot;

namespace Pane.Runtime.Native.Hypervisors.Kvm;

/// <summary>
/// A KVM vCPU: its descriptor and its mapped <c>struct kvm_run</c>. <see cref="Run"/> issues <c>KVM_RUN</c> and
/// decodes port I/O, MMIO and I/O APIC end-of-interrupt exits straight out of the shared page, with no allocation
/// and no logging. <see cref="Cancel"/> sets <c>immediate_exit</c> and signals the thread out of the kernel.
/// </summary>
internal sealed unsafe class KvmVcpu : IVcpu
{
    private const int ImmediateExitOffset = 1;
    private const int ExitReasonOffset = 8;
    private const int ExitDataOffset = 32;

    private static readonly object s_signalGate = new();
    private static PosixSignalRegistration? s_kickSignal;

    private readonly int _fd;
    private readonly int _runSize;
    private byte* _run;
    private volatile bool _cancelled;
    private volatile int _threadId;

    /// <summary>Initializes a new instance of the <see cref="KvmVcpu"/> class.</summary>
    /// <param name="index">The vCPU's index.</param>
    /// <param name="fd">The vCPU's descriptor; the vCPU owns it.</param>
    /// <param name="runSize">The size of <c>struct kvm_run</c>'s mapping.</param>
    /// <exception cref="HypervisorException">The mapping failed.</exception>
    public KvmVcpu(int index, int fd, int runSize)
    {
        Index = index;
        _fd = fd;
        _runSize = runSize;
        var run = KvmNative.MapMemory(null, (nuint)runSize, KvmNative.ProtectReadWrite, KvmNative.MapShared, fd, 0);
        if (run == (void*)-1)
        {
            var error = Marshal.GetLastPInvokeError();
            throw new HypervisorException("mmap(kvm_run)", error, KvmNative.Describe(error));
        }

        _run = (byte*)run;
        EnsureKickSignalIsHandled();
    }

    /// <inheritdoc/>
    public int Index { get; }

    /// <inheritdoc/>
    public void SetBootState(VcpuBootState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        KvmSpecialRegisters special;
        KvmNative.Check(KvmNative.IoControl(_fd, KvmNative.GetSpecialRegisters, &special), "KVM_GET_SREGS");
        special.Cs = Segment(state.Code);
        special.Ds = special.Es = special.Fs = special.Gs = special.Ss = Segment(state.Data);
        special.Tr = Segment(state.Task);
        special.Gdt = new KvmDescriptorTable { Base = state.GdtBase, Limit = state.GdtLimit };
        special.Idt = new KvmDescriptorTable { Base = state.IdtBase, Limit = state.IdtLimit };
        special.Cr0 = state.Cr0;
        special.Cr3 = state.Cr3;
        special.Cr4 = state.Cr4;
        special.Efer = state.Efer;
        KvmNative.Check(KvmNative.IoControl(_fd, KvmNative.SetSpecialRegisters, &special), "KVM_SET_SREGS");
        var registers = new KvmRegisters { Rip = state.Rip, Rsi = state.Rsi, Rsp = state.Rsp, Rbp = state.Rsp, Rflags = state.Rflags };
        KvmNative.Check(KvmNative.IoControl(_fd, KvmNative.SetRegisters, &registers), "KVM_SET_REGS");
    }

    /// <inheritdoc/>
    public void SetRealModeEntry(ushort address)
    {
        KvmSpecialRegisters special;
        KvmNative.Check(KvmNative.IoControl(_fd, KvmNative.GetSpecialRegisters, &special), "KVM_GET_SREGS");
        special.Cs.Base = 0;
        special.Cs.Selector = 0;
        KvmNative.Check(KvmNative.IoControl(_fd, KvmNative.SetSpecialRegisters, &special), "KVM_SET_SREGS");
        var registers = new KvmRegisters { Rip = address, Rflags = 0x2 };
        KvmNative.Check(KvmNative.IoControl(_fd, KvmNative.SetRegisters, &registers), "KVM_SET_REGS");
    }

    /// <inheritdoc/>
    public VcpuRunResult Run(IVcpuExitHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (_threadId == 0)
        {
            _threadId = KvmNative.GetThreadId();
        }

        if (_cancelled)
        {
            return VcpuRunResult.Cancelled;
        }

        if (KvmNative.IoControl(_fd, KvmNative.Run, 0) < 0)
        {
            var error = Marshal.GetLastPInvokeError();
            if (error is KvmNative.ErrorInterrupted or KvmNative.ErrorTryAgain)
            {
                return _cancelled ? VcpuRunResult.Cancelled : VcpuRunResult.Continue;
            }

            throw new HypervisorException("KVM_RUN", error, KvmNative.Describe(error));
        }

        var exit = _run + ExitDataOffset;
        switch (*(uint*)(_run + ExitReasonOffset))
        {
            case KvmNative.ExitIo:
                HandlePortIo(handler, exit);
                return VcpuRunResult.Continue;
            case KvmNative.ExitMmio:
                HandleMmio(handler, exit);
                return VcpuRunResult.Continue;
            case KvmNative.ExitIoApicEoi:
                handler.EndOfInterrupt(*exit);
                return VcpuRunResult.Continue;
            case KvmNative.ExitInterrupted:
                return _cancelled ? VcpuRunResult.Cancelled : VcpuRunResult.Continue;
            case KvmNative.ExitHlt:
                return VcpuRunResult.Halted;
            case KvmNative.ExitShutdown:
            case KvmNative.ExitSystemEvent:
                return VcpuRunResult.Shutdown;
            case var reason:
                var detail = *(ulong*)exit;
                throw new HypervisorException("KVM_RUN", (int)reason, $"the vCPU stopped with exit reason {reason} (detail 0x{detail:x})");
        }
    }

    /// <inheritdoc/>
    public void Cancel()
    {
        _cancelled = true;
        var run = _run;
        if (run is not null)
        {
            Volatile.Write(ref run[ImmediateExitOffset], (byte)1);
        }

        if (_threadId != 0)
        {
            _ = KvmNative.SignalThread(KvmNative.GetProcessId(), _threadId, KvmNative.KickSignal);
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_run is not null)
        {
            _ = KvmNative.UnmapMemory(_run, (nuint)_runSize);
            _run = null;
            _ = KvmNative.Close(_fd);
        }
    }

    private static void EnsureKickSignalIsHandled()
    {
        lock (s_signalGate)
        {
            s_kickSignal ??= PosixSignalRegistration.Create((PosixSignal)KvmNative.KickSignal, context => context.Cancel = true);
        }
    }

    private static KvmSegment Segment(SegmentState segment) => new()
    {
        Base = segment.Base,
        Limit = segment.Limit,
        Selector = segment.Selector,
        Type = segment.Type,
        Present = 1,
        Db = segment.IsDefault32Bit ? (byte)1 : (byte)0,
        S = segment.IsCodeOrData ? (byte)1 : (byte)0,
        L = segment.Is64Bit ? (byte)1 : (byte)0,
        G = segment.IsPageGranular ? (byte)1 : (byte)0,
    };

    private void HandlePortIo(IVcpuExitHandler handler, byte* exit)
    {
        var isOut = exit[0] == 1;
        var size = exit[1];
        var port = *(ushort*)(exit + 2);
        var count = *(uint*)(exit + 4);
        var dataOffset = *(ulong*)(exit + 8);
        if (size is not (1 or 2 or 4) || dataOffset + ((ulong)count * size) > (ulong)_runSize)
        {
            return;
        }

        for (var index = 0u; index < count; index++)
        {
            var data = new Span<byte>(_run + dataOffset + (index * size), size);
            if (isOut)
            {
                handler.PortWrite(port, data);
            }
            else
            {
                handler.PortRead(port, data);
            }
        }
    }

    private static void HandleMmio(IVcpuExitHandler handler, byte* exit)
    {
        var address = *(ulong*)exit;
        var length = *(uint*)(exit + 16);
        var isWrite = exit[20] != 0;
        if (length is 0 or > 8)
        {
            return;
        }

        var data = new Span<byte>(exit + 8, (int)length);
        if (isWrite)
        {
            handler.MmioWrite(address, data);
        }
        else
        {
            handler.MmioRead(address, data);
        }
    }
}
