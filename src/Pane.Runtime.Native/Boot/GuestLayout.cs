namespace Pane.Runtime.Native.Boot;

/// <summary>
/// Where Pane's VMM puts things in guest-physical memory. RAM runs from 0 up to at most <see cref="MaxMemory"/>; the
/// virtio-MMIO devices, the I/O APIC and the local APIC sit above it, below 4 GiB.
/// </summary>
internal static class GuestLayout
{
    /// <summary>The GDT.</summary>
    public const ulong Gdt = 0x500;

    /// <summary>The (empty) IDT.</summary>
    public const ulong Idt = 0x540;

    /// <summary>The zero page, <c>boot_params</c>.</summary>
    public const ulong BootParams = 0x7000;

    /// <summary>The initial stack pointer.</summary>
    public const ulong StackTop = 0x8FF0;

    /// <summary>The top-level page table (PML4); the PDPT follows it, then four page directories.</summary>
    public const ulong PageTables = 0x9000;

    /// <summary>The kernel command line.</summary>
    public const ulong CommandLine = 0x2_0000;

    /// <summary>The end of the command line's room (4 KiB).</summary>
    public const ulong CommandLineEnd = 0x2_1000;

    /// <summary>The end of conventional memory as the e820 map reports it; the MP table lives above.</summary>
    public const ulong ConventionalMemoryEnd = 0x9_FC00;

    /// <summary>The ACPI tables, RSDP first, inside the range Linux scans for an RSDP; reserved up to high memory.</summary>
    public const ulong AcpiTables = 0xE_0000;

    /// <summary>The start of high memory, where the kernel is loaded.</summary>
    public const ulong HighMemory = 0x10_0000;

    /// <summary>The most RAM the layout holds: up to the MMIO hole.</summary>
    public const ulong MaxMemory = 0xC000_0000;

    /// <summary>The first virtio-MMIO device; each next one is 4 KiB higher.</summary>
    public const ulong VirtioMmioBase = 0xD000_0000;

    /// <summary>The I/O APIC pin of the first virtio-MMIO device; each next one takes the next pin.</summary>
    public const int VirtioFirstPin = 5;

    /// <summary>The local APIC.</summary>
    public const ulong LocalApic = 0xFEE0_0000;
}
