using System.Runtime.InteropServices;

namespace Pane.Runtime.Native.Hypervisors.Kvm;

#pragma warning disable CS1591, SA1649, CA1051 // ABI structs of linux/kvm.h, field for field; kept together apart from the logic.

/// <summary><c>struct kvm_userspace_memory_region</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct KvmMemoryRegion
{
    public uint Slot;
    public uint Flags;
    public ulong GuestPhysicalAddress;
    public ulong MemorySize;
    public ulong UserspaceAddress;
}

/// <summary><c>struct kvm_regs</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct KvmRegisters
{
    public ulong Rax, Rbx, Rcx, Rdx, Rsi, Rdi, Rsp, Rbp;
    public ulong R8, R9, R10, R11, R12, R13, R14, R15;
    public ulong Rip, Rflags;
}

/// <summary><c>struct kvm_segment</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct KvmSegment
{
    public ulong Base;
    public uint Limit;
    public ushort Selector;
    public byte Type, Present, Dpl, Db, S, L, G, Avl, Unusable, Padding;
}

/// <summary><c>struct kvm_dtable</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct KvmDescriptorTable
{
    public ulong Base;
    public ushort Limit;
    public ushort Padding0, Padding1, Padding2;
}

/// <summary><c>struct kvm_sregs</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct KvmSpecialRegisters
{
    public KvmSegment Cs, Ds, Es, Fs, Gs, Ss, Tr, Ldt;
    public KvmDescriptorTable Gdt, Idt;
    public ulong Cr0, Cr2, Cr3, Cr4, Cr8, Efer, ApicBase;
    public fixed ulong InterruptBitmap[4];
}

/// <summary><c>struct kvm_enable_cap</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct KvmEnableCapability
{
    public uint Capability;
    public uint Flags;
    public fixed ulong Arguments[4];
    public fixed byte Padding[64];
}

/// <summary><c>struct kvm_msi</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct KvmMsi
{
    public uint AddressLow;
    public uint AddressHigh;
    public uint Data;
    public uint Flags;
    public uint DeviceId;
    public fixed byte Padding[12];
}

/// <summary><c>struct kvm_irq_routing_entry</c> with its MSI member.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct KvmRoutingEntry
{
    public uint Gsi;
    public uint Type;
    public uint Flags;
    public uint Padding;
    public uint AddressLow;
    public uint AddressHigh;
    public uint Data;
    public fixed uint Rest[5];
}

/// <summary><c>struct kvm_cpuid_entry2</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct KvmCpuidEntry
{
    public uint Function;
    public uint Index;
    public uint Flags;
    public uint Eax, Ebx, Ecx, Edx;
    public fixed uint Padding[3];
}

/// <summary><c>struct kvm_msr_entry</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct KvmMsrEntry
{
    public uint Index;
    public uint Reserved;
    public ulong Data;
}
#pragma warning restore CS1591, SA1649, CA1051
