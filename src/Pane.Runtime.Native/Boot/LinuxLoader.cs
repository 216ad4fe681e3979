using System.Buffers.Binary;
using System.Text;
using Pane.Runtime.Native.Interrupts;
using Pane.Runtime.Native.Memory;

namespace Pane.Runtime.Native.Boot;

/// <summary>
/// Loads Linux into guest memory for its 64-bit boot protocol (boot.rst): the protected-mode kernel at 1 MiB (or,
/// when Pane has unpacked it, the <c>vmlinux</c>'s segments at their physical addresses, entered at <c>startup_64</c>), the
/// initramfs as high as the kernel allows, the command line, <c>boot_params</c> with the setup header and an e820
/// map, the ACPI tables (their RSDP also in <c>boot_params.acpi_rsdp_addr</c>) and the MP table for <c>acpi=off</c>, a GDT with <c>__BOOT_CS</c> (0x10) and <c>__BOOT_DS</c> (0x18), and page
/// tables that identity-map the first 4 GiB with 2 MiB pages. Returns the vCPU state to start from.
/// </summary>
internal static class LinuxLoader
{
    /// <summary>The boot code selector Linux requires.</summary>
    public const ushort CodeSelector = 0x10;

    /// <summary>The boot data selector Linux requires.</summary>
    public const ushort DataSelector = 0x18;

    /// <summary>The task register's selector.</summary>
    public const ushort TaskSelector = 0x20;

#pragma warning disable CS1591 // boot_params field offsets and register bits, named after boot.rst and the SDM.
    public const int AcpiRsdpAddressField = 0x070;
    public const int ExtRamdiskImageField = 0x0C0;
    public const int ExtRamdiskSizeField = 0x0C4;
    public const int ExtCommandLinePointerField = 0x0C8;
    public const int E820EntriesField = 0x1E8;
    public const int E820TableField = 0x2D0;
    public const int E820MaxEntries = 128;
    public const ulong Cr0ProtectionEnable = 1;
    public const ulong Cr0ExtensionType = 1UL << 4;
    public const ulong Cr0Paging = 1UL << 31;
    public const ulong Cr4PhysicalAddressExtension = 1UL << 5;
    public const ulong EferLongModeEnable = 1UL << 8;
    public const ulong EferLongModeActive = 1UL << 10;
#pragma warning restore CS1591

    private const byte LoaderTypeUndefined = 0xFF;
    private const byte CanUseHeap = 0x80;
    private const ulong PageDirectoryCount = 4;
    private const ulong PagePresentWritable = 0x3;
    private const ulong PageSize2MiB = 0x80;

    /// <summary>Loads a kernel and boots it on the bootstrap vCPU.</summary>
    /// <param name="memory">Guest memory, at least 64 MiB and at most <see cref="GuestLayout.MaxMemory"/>.</param>
    /// <param name="kernel">The kernel.</param>
    /// <param name="unpacked">The kernel's unpacked <c>vmlinux</c> to enter directly, or <see langword="null"/> to let the bzImage unpack itself.</param>
    /// <param name="initramfs">The initramfs, possibly empty.</param>
    /// <param name="commandLine">The command line.</param>
    /// <param name="processors">The number of vCPUs the MP table and the ACPI tables list.</param>
    /// <param name="virtioDevices">The virtio-MMIO devices the ACPI tables declare: window address and I/O APIC pin.</param>
    /// <returns>The bootstrap vCPU's state.</returns>
    /// <exception cref="BootImageException">The kernel has no 64-bit entry, or the kernel, initramfs or command line does not fit.</exception>
    public static VcpuBootState Load(
        GuestMemory memory, BzImage kernel, ElfKernel? unpacked, ReadOnlySpan<byte> initramfs, string commandLine, int processors, IReadOnlyList<(ulong Address, int Pin)>? virtioDevices = null)
    {
        ArgumentNullException.ThrowIfNull(memory);
        ArgumentNullException.ThrowIfNull(kernel);
        ArgumentNullException.ThrowIfNull(commandLine);
        if (!kernel.HasEntry64)
        {
            throw new BootImageException("The kernel has no 64-bit entry point (XLF_KERNEL_64, boot protocol 2.12).", "Boot a 64-bit x86 kernel from Linux 3.8 or later.");
        }

        var memoryTop = Math.Min(memory.Size, GuestLayout.MaxMemory);
        var kernelEnd = unpacked?.End ?? GuestLayout.HighMemory + Math.Max((ulong)kernel.ProtectedModeKernel.Length, kernel.InitSize);
        if (kernelEnd > memoryTop)
        {
            throw new BootImageException($"The kernel needs 0x{kernelEnd:x} bytes of memory, more than the machine's 0x{memoryTop:x}.", "Give the machine more memory.");
        }

        if (unpacked is null)
        {
            memory.Write(GuestLayout.HighMemory, kernel.ProtectedModeKernel);
        }
        else
        {
            unpacked.LoadInto(memory);
        }

        var initrd = PlaceInitramfs(memory, kernel, initramfs, kernelEnd, memoryTop);
        WriteCommandLine(memory, kernel, commandLine);
        WriteBootParams(memory, kernel, initrd, (ulong)initramfs.Length, memoryTop);
        memory.Write(MpTable.DefaultAddress, MpTable.Build(MpTable.DefaultAddress, processors, (byte)processors, IoApic.DefaultBaseAddress, IoApic.PinCount));
        memory.Write(GuestLayout.AcpiTables, AcpiTables.Build(GuestLayout.AcpiTables, processors, IoApic.DefaultBaseAddress, virtioDevices ?? []));
        memory.WriteUInt64(GuestLayout.BootParams + AcpiRsdpAddressField, GuestLayout.AcpiTables);
        var (code, data, task) = WriteGdt(memory);
        WritePageTables(memory);
        return new VcpuBootState
        {
            Rip = unpacked?.Entry ?? GuestLayout.HighMemory + BzImage.Entry64Offset,
            Rsi = GuestLayout.BootParams,
            Rsp = GuestLayout.StackTop,
            Cr0 = Cr0ProtectionEnable | Cr0ExtensionType | Cr0Paging,
            Cr3 = GuestLayout.PageTables,
            Cr4 = Cr4PhysicalAddressExtension,
            Efer = EferLongModeEnable | EferLongModeActive,
            Code = code,
            Data = data,
            Task = task,
            GdtBase = GuestLayout.Gdt,
            GdtLimit = 6 * 8 - 1,
            IdtBase = GuestLayout.Idt,
            IdtLimit = 0,
        };
    }

    /// <summary>Builds the e820 map for a memory size.</summary>
    /// <param name="memoryTop">The end of RAM.</param>
    /// <returns>The map.</returns>
    public static IReadOnlyList<E820Entry> MemoryMap(ulong memoryTop) =>
    [
        new(0, GuestLayout.ConventionalMemoryEnd, E820Entry.Ram),
        new(GuestLayout.ConventionalMemoryEnd, 0xA_0000 - GuestLayout.ConventionalMemoryEnd, E820Entry.Reserved),
        new(GuestLayout.AcpiTables, GuestLayout.HighMemory - GuestLayout.AcpiTables, E820Entry.Reserved),
        new(GuestLayout.HighMemory, memoryTop - GuestLayout.HighMemory, E820Entry.Ram),
    ];

    private static ulong PlaceInitramfs(GuestMemory memory, BzImage kernel, ReadOnlySpan<byte> initramfs, ulong kernelEnd, ulong memoryTop)
    {
        if (initramfs.IsEmpty)
        {
            return 0;
        }

        var limit = Math.Min(memoryTop, (ulong)kernel.InitrdAddressMax + 1);
        var size = (ulong)initramfs.Length;
        var address = size <= limit ? (limit - size) & ~(GuestMemory.PageSize - 1) : 0;
        if (address < kernelEnd)
        {
            throw new BootImageException(
                $"The initramfs ({size} bytes) does not fit between the kernel and 0x{limit:x}.",
                "Give the machine more memory or use a smaller initramfs.");
        }

        memory.Write(address, initramfs);
        return address;
    }

    private static void WriteCommandLine(GuestMemory memory, BzImage kernel, string commandLine)
    {
        var bytes = Encoding.ASCII.GetBytes(commandLine);
        var limit = Math.Min(kernel.CommandLineSize, (uint)(GuestLayout.CommandLineEnd - GuestLayout.CommandLine - 1));
        if ((uint)bytes.Length > limit)
        {
            throw new BootImageException($"The kernel command line is {bytes.Length} bytes long; this kernel takes {limit}.", "Shorten the command line.");
        }

        memory.Write(GuestLayout.CommandLine, bytes);
        memory.Write(GuestLayout.CommandLine + (ulong)bytes.Length, [0]);
    }

    private static void WriteBootParams(GuestMemory memory, BzImage kernel, ulong initrd, ulong initrdSize, ulong memoryTop)
    {
        var parameters = memory.Slice(GuestLayout.BootParams, 4096);
        parameters.Clear();
        kernel.SetupHeader.CopyTo(parameters[BzImage.SetupHeaderOffset..]);
        parameters[BzImage.TypeOfLoaderField] = LoaderTypeUndefined;
        parameters[BzImage.LoadFlagsField] |= CanUseHeap;
        BinaryPrimitives.WriteUInt16LittleEndian(parameters[BzImage.HeapEndPointerField..], 0xFE00);
        BinaryPrimitives.WriteUInt32LittleEndian(parameters[BzImage.CommandLinePointerField..], (uint)GuestLayout.CommandLine);
        BinaryPrimitives.WriteUInt32LittleEndian(parameters[ExtCommandLinePointerField..], 0);
        BinaryPrimitives.WriteUInt32LittleEndian(parameters[BzImage.RamdiskImageField..], (uint)initrd);
        BinaryPrimitives.WriteUInt32LittleEndian(parameters[BzImage.RamdiskSizeField..], (uint)initrdSize);
        BinaryPrimitives.WriteUInt32LittleEndian(parameters[ExtRamdiskImageField..], (uint)(initrd >> 32));
        BinaryPrimitives.WriteUInt32LittleEndian(parameters[ExtRamdiskSizeField..], (uint)(initrdSize >> 32));

        var map = MemoryMap(memoryTop);
        parameters[E820EntriesField] = (byte)map.Count;
        for (var index = 0; index < map.Count; index++)
        {
            var entry = parameters.Slice(E820TableField + (index * 20), 20);
            BinaryPrimitives.WriteUInt64LittleEndian(entry, map[index].Address);
            BinaryPrimitives.WriteUInt64LittleEndian(entry[8..], map[index].Size);
            BinaryPrimitives.WriteUInt32LittleEndian(entry[16..], map[index].Type);
        }
    }

    private static (SegmentState Code, SegmentState Data, SegmentState Task) WriteGdt(GuestMemory memory)
    {
        var code = new SegmentState(CodeSelector, 0, 0xFFFF_FFFF, 0xB, IsCodeOrData: true, Is64Bit: true, IsDefault32Bit: false, IsPageGranular: true);
        var data = new SegmentState(DataSelector, 0, 0xFFFF_FFFF, 0x3, IsCodeOrData: true, Is64Bit: false, IsDefault32Bit: true, IsPageGranular: true);
        var task = new SegmentState(TaskSelector, 0, 0x67, 0xB, IsCodeOrData: false, Is64Bit: false, IsDefault32Bit: false, IsPageGranular: false);
        memory.WriteUInt64(GuestLayout.Gdt, 0);
        memory.WriteUInt64(GuestLayout.Gdt + 0x08, 0);
        memory.WriteUInt64(GuestLayout.Gdt + CodeSelector, code.ToDescriptor());
        memory.WriteUInt64(GuestLayout.Gdt + DataSelector, data.ToDescriptor());
        memory.WriteUInt64(GuestLayout.Gdt + TaskSelector, task.ToDescriptor());
        memory.WriteUInt64(GuestLayout.Gdt + TaskSelector + 8, 0);
        memory.WriteUInt64(GuestLayout.Idt, 0);
        return (code, data, task);
    }

    private static void WritePageTables(GuestMemory memory)
    {
        var pml4 = GuestLayout.PageTables;
        var pdpt = pml4 + GuestMemory.PageSize;
        var directories = pdpt + GuestMemory.PageSize;
        memory.Slice(pml4, (int)((2 + PageDirectoryCount) * GuestMemory.PageSize)).Clear();
        memory.WriteUInt64(pml4, pdpt | PagePresentWritable);
        for (ulong directory = 0; directory < PageDirectoryCount; directory++)
        {
            var table = directories + (directory * GuestMemory.PageSize);
            memory.WriteUInt64(pdpt + (directory * 8), table | PagePresentWritable);
            for (ulong entry = 0; entry < 512; entry++)
            {
                var address = ((directory * 512) + entry) << 21;
                memory.WriteUInt64(table + (entry * 8), address | PagePresentWritable | PageSize2MiB);
            }
        }
    }
}
