using System.Runtime.InteropServices;
using Pane.Runtime.Native.Interrupts;
using Pane.Runtime.Native.Memory;

namespace Pane.Runtime.Native.Hypervisors.Kvm;

/// <summary>
/// A KVM virtual machine. With a local APIC it uses the split irqchip (<c>KVM_CAP_SPLIT_IRQCHIP</c> with 24
/// reserved routes): local APICs in the kernel, the I/O APIC in Pane. Pane's I/O APIC delivers through
/// <c>KVM_SIGNAL_MSI</c>, and its routes are mirrored into the GSI routing table so that KVM knows the
/// level-triggered vectors and reports their end-of-interrupt as <c>KVM_EXIT_IOAPIC_EOI</c>.
/// </summary>
internal sealed unsafe class KvmVm : IVm
{
    private const ulong TssAddress = 0xFFFB_D000;

    private readonly object _routesLock = new();
    private readonly int _kvmFd;
    private readonly int _fd;
    private readonly int _runSize;
    private readonly KvmCpuidEntry[] _cpuid;
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
    public IVcpu CreateVcpu(int index)
    {
        var fd = KvmNative.Check(KvmNative.IoControl(_fd, KvmNative.CreateVcpu, index), "KVM_CREATE_VCPU");
        try
        {
            SetCpuid(fd, index);
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

    private void SetCpuid(int vcpuFd, int index)
    {
        var size = 8 + (_cpuid.Length * sizeof(KvmCpuidEntry));
        var buffer = (byte*)NativeMemory.AllocZeroed((nuint)size);
        try
        {
            *(uint*)buffer = (uint)_cpuid.Length;
            var entries = new Span<KvmCpuidEntry>(buffer + 8, _cpuid.Length);
            _cpuid.CopyTo(entries);
            foreach (ref var entry in entries)
            {
                switch (entry.Function)
                {
                    case 1:
                        entry.Ebx = (entry.Ebx & 0x00FF_FFFF) | ((uint)index << 24);
                        break;
                    case 0xB:
                    case 0x1F:
                        entry.Edx = (uint)index;
                        break;
                    default:
                        break;
                }
            }

            KvmNative.Check(KvmNative.IoControl(vcpuFd, KvmNative.SetCpuid2, buffer), "KVM_SET_CPUID2");
        }
        finally
        {
            NativeMemory.Free(buffer);
        }
    }
}
