namespace Pane.Host.Platform.Kvm;

/// <summary>The KVM ioctl request numbers the probe uses (x86-64 values of linux/kvm.h).</summary>
internal static class KvmIoctl
{
    public const int ExpectedApiVersion = 12;
    public const int RegistersSize = 144;
    public const int SpecialRegistersSize = 312;
    public const int MemoryRegionSize = 32;

    public const nuint GetApiVersion = 0xAE00;
    public const nuint CreateVm = 0xAE01;
    public const nuint GetVcpuMapSize = 0xAE04;
    public const nuint CreateVcpu = 0xAE41;
    public const nuint SetUserMemoryRegion = 0x4020AE46;
    public const nuint Run = 0xAE80;
    public const nuint SetRegisters = 0x4090AE82;
    public const nuint GetSpecialRegisters = 0x8138AE83;
    public const nuint SetSpecialRegisters = 0x4138AE84;

    /// <summary>The offset of <c>immediate_exit</c> in <c>struct kvm_run</c>.</summary>
    public const int ImmediateExitOffset = 1;

    /// <summary>The offset of <c>rip</c> in <c>struct kvm_regs</c>.</summary>
    public const int InstructionPointerOffset = 128;

    /// <summary>The offset of <c>rflags</c> in <c>struct kvm_regs</c>.</summary>
    public const int FlagsOffset = 136;

    /// <summary>The offset of <c>cs.selector</c> in <c>struct kvm_sregs</c> (<c>cs.base</c> is at 0).</summary>
    public const int CodeSelectorOffset = 12;
}
