namespace Pane.Runtime.Native.Boot;

/// <summary>
/// The register state the bootstrap vCPU starts Linux's 64-bit entry point with (boot.rst, "64-bit Boot Protocol"):
/// long mode with paging over identity-mapped page tables, flat segments from the loader's GDT, <c>rsi</c> at
/// <c>boot_params</c>, interrupts off. Backend-neutral: each hypervisor backend translates it.
/// </summary>
internal sealed record VcpuBootState
{
    /// <summary>Gets the entry point.</summary>
    public required ulong Rip { get; init; }

    /// <summary>Gets the address of <c>boot_params</c>.</summary>
    public required ulong Rsi { get; init; }

    /// <summary>Gets the initial stack pointer.</summary>
    public required ulong Rsp { get; init; }

    /// <summary>Gets RFLAGS (only the reserved bit 1 set).</summary>
    public ulong Rflags { get; init; } = 0x2;

    /// <summary>Gets CR0: protection and paging on.</summary>
    public required ulong Cr0 { get; init; }

    /// <summary>Gets CR3: the top-level page table.</summary>
    public required ulong Cr3 { get; init; }

    /// <summary>Gets CR4: physical address extension on.</summary>
    public required ulong Cr4 { get; init; }

    /// <summary>Gets EFER: long mode enabled and active.</summary>
    public required ulong Efer { get; init; }

    /// <summary>Gets the code segment.</summary>
    public required SegmentState Code { get; init; }

    /// <summary>Gets the data segment for DS, ES, FS, GS and SS.</summary>
    public required SegmentState Data { get; init; }

    /// <summary>Gets the task register's segment.</summary>
    public required SegmentState Task { get; init; }

    /// <summary>Gets the GDT's base address.</summary>
    public required ulong GdtBase { get; init; }

    /// <summary>Gets the GDT's limit.</summary>
    public required ushort GdtLimit { get; init; }

    /// <summary>Gets the IDT's base address.</summary>
    public required ulong IdtBase { get; init; }

    /// <summary>Gets the IDT's limit.</summary>
    public required ushort IdtLimit { get; init; }
}
