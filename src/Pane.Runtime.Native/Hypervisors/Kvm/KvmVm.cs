using System.Runtime.InteropServices;
using Pane.Runtime.Native.Boot;
using Pane.Runtime.Native.Interrupts;
using Pane.Runtime.Native.Memory;

namespace Pane.Runtime.Native.Hypervisors.Kvm;

/// <summary>
/// A KVM virtual machine. With a local APIC it uses the split irqchip (<c>KVM_CAP_SPLIT_IRQCHIP</c> with 24
/// reserved routes): local APICs in the kernel, the I/O APIC in Pane. Pane's I/O APIC delivers through
/// <c>KVM_SIGNAL_MSI</c>, and its routes are mirrored into the GSI routing table so that KVM knows the
/// level-triggered vectors and reports their end-of-interrupt as <c>KVM_EXIT_IOAPIC_EOI</c>. Each vCPU gets its own
/// CPUID (<see cref="KvmCpuid"/>), the boot MSRs (<see cref="BootMsrs"/>) and, with a local APIC, LINT0 and LINT1
/// wired as on a PC.
/// </summary>
internal sealed unsafe class KvmVm : IVm
{
    private const ulong TssAddress = 0xFFFB_D000;

    private readonly object _routesLock = new();
    private readonly int _kvmFd;
    private readonly int _fd;
    private readonly int _runSize;
    private readonly KvmCpuidEntry[] _cpuid;
    private readonly bool _withLocalApic;
    private readonly bool _tscDeadline;
    private readonly RedirectionEntry?[] _routes = new RedirectionEntry?[IoApic.PinCount];

    /// <summary>Initializes a new instance of the <see cref="KvmVm"/> class.</summary>
    /// <param name="kvmFd">The KVM device's descriptor.</param>
    /// <param name="memory">Guest RAM.</param>
    /// <param name="withLocalApic">Whether to create in-kernel local APICs (the split irqchip).</param>
    /// <exception cref="HypervisorException">KVM refused a step.</exception>
    public KvmVm(int kvmFd, GuestMemory memory, bool withLocalApic)
    {
        ArgumentNullException.ThrowIfNull(memory);
        _kvmFd = kvmFd;
        _fd = KvmNative.Check(KvmNative.IoControl(kvmFd, KvmNative.CreateVm, 0), "KVM_CREATE_VM");
        try
        {
            _runSize = KvmNative.Check(KvmNative.IoControl(kvmFd, KvmNative.GetVcpuMmapSize, 0), "KVM_GET_VCPU_MMAP_SIZE");
            _ = KvmNative.IoControl(_fd, KvmNative.SetTssAddress, unchecked((nint)TssAddress));
            if (withLocalApic)
            {
                var capability = new KvmEnableCapability { Capability = KvmNative.CapabilitySplitIrqchip };
                capability.Arguments[0] = IoApic.PinCount;
                KvmNative.Check(KvmNative.IoControl(_fd, KvmNative.EnableCapability, &capability), "KVM_ENABLE_CAP(KVM_CAP_SPLIT_IRQCHIP)");
            }

            var region = new KvmMemoryRegion { Slot = 0, GuestPhysicalAddress = 0, MemorySize = memory.Size, UserspaceAddress = (ulong)memory.HostAddress };
            KvmNative.Check(KvmNative.IoControl(_fd, KvmNative.SetUserMemoryRegion, &region), "KVM_SET_USER_MEMORY_REGION");
            _cpuid = KvmHypervisor.SupportedCpuid(kvmFd);
            _withLocalApic = withLocalApic;
            _tscDeadline = withLocalApic && KvmNative.IoControl(kvmFd, KvmNative.CheckExtension, KvmNative.CapabilityTscDeadlineTimer) > 0;
        }
        catch
        {
            _ = KvmNative.Close(_fd);
            throw;
        }
    }

    /// <summary>Gets the number of messages KVM refused or could not deliver.</summary>
    public int FailedDeliveries { get; private set; }

    /// <inheritdoc/>
    public IVcpu CreateVcpu(int index, int count)
    {
        var fd = KvmNative.Check(KvmNative.IoControl(_fd, KvmNative.CreateVcpu, index), "KVM_CREATE_VCPU");
        try
        {
            SetCpuid(fd, KvmCpuid.ForVcpu(_cpuid, index, count, _tscDeadline));
            SetBootMsrs(fd);
            if (_withLocalApic)
            {
                WireLocalInterrupts(fd);
            }

            return new KvmVcpu(index, fd, _runSize);
        }
        catch
        {
            _ = KvmNative.Close(fd);
            throw;
        }
    }

    /// <inheritdoc/>
    public void Deliver(MsiMessage message)
    {
        var msi = new KvmMsi { AddressLow = (uint)message.Address, AddressHigh = (uint)(message.Address >> 32), Data = message.Data };
        if (KvmNative.IoControl(_fd, KvmNative.SignalMsi, &msi) < 0)
        {
            FailedDeliveries++;
        }
    }

    /// <inheritdoc/>
    public void RouteChanged(int pin, RedirectionEntry entry)
    {
        lock (_routesLock)
        {
            _routes[pin] = entry.IsMasked ? null : entry;
            var count = _routes.Count(route => route is not null);
            var size = 8 + (count * sizeof(KvmRoutingEntry));
            var buffer = (byte*)NativeMemory.AllocZeroed((nuint)size);
            try
            {
                *(uint*)buffer = (uint)count;
                var entries = (KvmRoutingEntry*)(buffer + 8);
                var next = 0;
                for (var gsi = 0; gsi < _routes.Length; gsi++)
                {
                    if (_routes[gsi] is not { } route)
                    {
                        continue;
                    }

                    var message = route.ToMessage();
                    entries[next++] = new KvmRoutingEntry
                    {
                        Gsi = (uint)gsi,
                        Type = KvmNative.RoutingMsi,
                        AddressLow = (uint)message.Address,
                        AddressHigh = (uint)(message.Address >> 32),
                        Data = message.Data,
                    };
                }

                if (KvmNative.IoControl(_fd, KvmNative.SetGsiRouting, buffer) < 0)
                {
                    FailedDeliveries++;
                }
            }
            finally
            {
                NativeMemory.Free(buffer);
            }
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _ = KvmNative.Close(_fd);

    private static void SetCpuid(int vcpuFd, KvmCpuidEntry[] leaves)
    {
        var size = 8 + (leaves.Length * sizeof(KvmCpuidEntry));
        var buffer = (byte*)NativeMemory.AllocZeroed((nuint)size);
        try
        {
            *(uint*)buffer = (uint)leaves.Length;
            leaves.CopyTo(new Span<KvmCpuidEntry>(buffer + 8, leaves.Length));
            KvmNative.Check(KvmNative.IoControl(vcpuFd, KvmNative.SetCpuid2, buffer), "KVM_SET_CPUID2");
        }
        finally
        {
            NativeMemory.Free(buffer);
        }
    }

    private static void SetBootMsrs(int vcpuFd)
    {
        var msrs = BootMsrs.Entries;
        var size = 8 + (msrs.Count * sizeof(KvmMsrEntry));
        var buffer = (byte*)NativeMemory.AllocZeroed((nuint)size);
        try
        {
            *(uint*)buffer = (uint)msrs.Count;
            var entries = new Span<KvmMsrEntry>(buffer + 8, msrs.Count);
            for (var index = 0; index < msrs.Count; index++)
            {
                entries[index] = new KvmMsrEntry { Index = msrs[index].Index, Data = msrs[index].Value };
            }

            var set = KvmNative.Check(KvmNative.IoControl(vcpuFd, KvmNative.SetMsrs, buffer), "KVM_SET_MSRS");
            if (set < msrs.Count)
            {
                throw new HypervisorException("KVM_SET_MSRS", 0, $"KVM refused MSR 0x{msrs[set].Index:x}");
            }
        }
        finally
        {
            NativeMemory.Free(buffer);
        }
    }

    private static void WireLocalInterrupts(int vcpuFd)
    {
        var registers = stackalloc byte[LocalApicRegisters.Size];
        KvmNative.Check(KvmNative.IoControl(vcpuFd, KvmNative.GetLocalApic, registers), "KVM_GET_LAPIC");
        LocalApicRegisters.WireLegacyInterrupts(new Span<byte>(registers, LocalApicRegisters.Size));
        KvmNative.Check(KvmNative.IoControl(vcpuFd, KvmNative.SetLocalApic, registers), "KVM_SET_LAPIC");
    }
}
