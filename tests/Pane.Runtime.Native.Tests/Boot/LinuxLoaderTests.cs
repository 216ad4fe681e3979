using System.Buffers.Binary;
using System.Text;
using Pane.Runtime.Native.Boot;
using Pane.Runtime.Native.Memory;

namespace Pane.Runtime.Native.Tests.Boot;

public sealed class LinuxLoaderTests
{
    private const ulong MiB = 1024 * 1024;

    public sealed class Load
    {
        [Fact]
        public void Places_the_protected_mode_kernel_at_1_MiB_and_enters_it_at_its_64_bit_entry()
        {
            // Given
            using var memory = new GuestMemory(64 * MiB);
            var kernel = BzImage.Parse(SyntheticKernel.Build());

            // When
            var state = LinuxLoader.Load(memory, kernel, null, [], "console=ttyS0", 1);

            // Then
            Assert.True(memory.Slice(GuestLayout.HighMemory, kernel.ProtectedModeKernel.Length).SequenceEqual(kernel.ProtectedModeKernel));
            Assert.Equal(0x10_0200UL, state.Rip);
            Assert.Equal(GuestLayout.BootParams, state.Rsi);
        }

        [Fact]
        public void Enters_an_unpacked_kernel_at_its_entry_with_its_segments_in_place_and_the_initramfs_above_them()
        {
            // Given
            using var memory = new GuestMemory(64 * MiB);
            var kernel = BzImage.Parse(SyntheticKernel.Build());
            var unpacked = ElfKernel.Parse(SyntheticElf.Kernel());
            var initramfs = new byte[0x2000];
            initramfs.AsSpan().Fill(0x5A);

            // When
            var state = LinuxLoader.Load(memory, kernel, unpacked, initramfs, "console=ttyS0", 1);

            // Then
            Assert.Equal(unpacked.Entry, state.Rip);
            Assert.Equal(GuestLayout.BootParams, state.Rsi);
            Assert.Equal(0x1000 * 7 % 256, memory.Slice(0x100_0000, 1)[0]);
            Assert.False(memory.Slice(GuestLayout.HighMemory, kernel.ProtectedModeKernel.Length).SequenceEqual(kernel.ProtectedModeKernel));
            var initrd = memory.ReadUInt32(GuestLayout.BootParams + BzImage.RamdiskImageField);
            Assert.True(initrd >= unpacked.End, $"initramfs at 0x{initrd:x}, kernel ends at 0x{unpacked.End:x}");
            Assert.Equal(0x5A, memory.Slice(initrd, 1)[0]);
        }

        [Fact]
        public void Refuses_an_unpacked_kernel_that_ends_beyond_memory()
        {
            // Given
            using var memory = new GuestMemory(16 * MiB);
            var unpacked = ElfKernel.Parse(SyntheticElf.Kernel());

            // When
            var error = Assert.Throws<BootImageException>(() => LinuxLoader.Load(memory, BzImage.Parse(SyntheticKernel.Build()), unpacked, [], "", 1));

            // Then
            Assert.Contains("more memory", error.Remedy, StringComparison.Ordinal);
        }

        [Fact]
        public void Starts_in_long_mode_with_paging_over_the_loader_s_page_tables()
        {
            // Given
            using var memory = new GuestMemory(64 * MiB);

            // When
            var state = LinuxLoader.Load(memory, BzImage.Parse(SyntheticKernel.Build()), null, [], "", 1);

            // Then
            Assert.Equal(LinuxLoader.Cr0ProtectionEnable | LinuxLoader.Cr0ExtensionType | LinuxLoader.Cr0Paging, state.Cr0);
            Assert.Equal(LinuxLoader.Cr4PhysicalAddressExtension, state.Cr4);
            Assert.Equal(LinuxLoader.EferLongModeEnable | LinuxLoader.EferLongModeActive, state.Efer);
            Assert.Equal(GuestLayout.PageTables, state.Cr3);
            Assert.Equal(0x2UL, state.Rflags);
        }

        [Theory]
        [InlineData(0UL)]
        [InlineData(0x10_0000UL)]
        [InlineData(0x1234_5678UL)]
        [InlineData(0xFEC0_0000UL)]
        [InlineData(0xFFFF_FFFFUL)]
        public void The_page_tables_map_the_first_4_GiB_onto_themselves(ulong address)
        {
            // Given
            using var memory = new GuestMemory(64 * MiB);
            var state = LinuxLoader.Load(memory, BzImage.Parse(SyntheticKernel.Build()), null, [], "", 1);

            // When
            var pml4e = memory.ReadUInt64(state.Cr3 + (((address >> 39) & 0x1FF) * 8));
            var pdpte = memory.ReadUInt64((pml4e & ~0xFFFUL) + (((address >> 30) & 0x1FF) * 8));
            var pde = memory.ReadUInt64((pdpte & ~0xFFFUL) + (((address >> 21) & 0x1FF) * 8));

            // Then
            Assert.Equal(0x3UL, pml4e & 0x3);
            Assert.Equal(0x3UL, pdpte & 0x3);
            Assert.Equal(0x83UL, pde & 0x83);
            Assert.Equal(address, (pde & ~0x1F_FFFFUL & 0x000F_FFFF_FFFF_F000UL) | (address & 0x1F_FFFF));
        }

        [Fact]
        public void The_GDT_holds_the_boot_code_and_data_segments_at_0x10_and_0x18()
        {
            // Given
            using var memory = new GuestMemory(64 * MiB);

            // When
            var state = LinuxLoader.Load(memory, BzImage.Parse(SyntheticKernel.Build()), null, [], "", 1);

            // Then
            Assert.Equal(0x00AF_9B00_0000_FFFFUL, memory.ReadUInt64(state.GdtBase + 0x10));
            Assert.Equal(0x00CF_9300_0000_FFFFUL, memory.ReadUInt64(state.GdtBase + 0x18));
            Assert.Equal((ushort)0x10, state.Code.Selector);
            Assert.Equal((ushort)0x18, state.Data.Selector);
            Assert.True(state.GdtLimit >= 0x27);
        }

        [Fact]
        public void Writes_ACPI_tables_declaring_the_virtio_devices_and_points_boot_params_at_their_RSDP()
        {
            // Given
            using var memory = new GuestMemory(64 * MiB);
            var kernel = BzImage.Parse(SyntheticKernel.Build());

            // When
            LinuxLoader.Load(memory, kernel, null, [], "console=ttyS0", 2, [(0xD000_0000, 5)]);

            // Then
            var rsdp = memory.ReadUInt64(GuestLayout.BootParams + LinuxLoader.AcpiRsdpAddressField);
            Assert.Equal(GuestLayout.AcpiTables, rsdp);
            var expected = AcpiTables.Build(GuestLayout.AcpiTables, 2, 0xFEC0_0000, [(0xD000_0000, 5)]);
            Assert.True(memory.Slice(rsdp, expected.Length).SequenceEqual(expected));
        }

        [Fact]
        public void Boot_params_carry_the_setup_header_loader_type_command_line_and_initramfs()
        {
            // Given
            using var memory = new GuestMemory(64 * MiB);
            var kernel = BzImage.Parse(SyntheticKernel.Build(initrdMax: 0x37FF_FFFF));
            var initramfs = Enumerable.Range(0, 10_000).Select(index => (byte)index).ToArray();

            // When
            LinuxLoader.Load(memory, kernel, null, initramfs, "console=ttyS0 acpi=off", 1);

            // Then
            var parameters = memory.Slice(GuestLayout.BootParams, 4096);
            Assert.Equal(0x5372_6448u, BinaryPrimitives.ReadUInt32LittleEndian(parameters[0x202..]));
            Assert.Equal(0xFF, parameters[BzImage.TypeOfLoaderField]);
            var commandLine = BinaryPrimitives.ReadUInt32LittleEndian(parameters[BzImage.CommandLinePointerField..]);
            Assert.Equal("console=ttyS0 acpi=off\0", Encoding.ASCII.GetString(memory.Slice(commandLine, 23)));
            var initrd = BinaryPrimitives.ReadUInt32LittleEndian(parameters[BzImage.RamdiskImageField..]);
            Assert.Equal(10_000u, BinaryPrimitives.ReadUInt32LittleEndian(parameters[BzImage.RamdiskSizeField..]));
            Assert.Equal(0u, initrd % 4096);
            Assert.True(initrd + 10_000 <= 64 * MiB);
            Assert.True(initrd >= 32 * MiB);
            Assert.True(memory.Slice(initrd, 10_000).SequenceEqual(initramfs));
        }

        [Fact]
        public void The_initramfs_stays_below_the_kernel_s_limit()
        {
            // Given
            using var memory = new GuestMemory(64 * MiB);
            var kernel = BzImage.Parse(SyntheticKernel.Build(initrdMax: (uint)(16 * MiB) - 1));

            // When
            LinuxLoader.Load(memory, kernel, null, new byte[5000], "", 1);

            // Then
            var initrd = memory.ReadUInt32(GuestLayout.BootParams + BzImage.RamdiskImageField);
            Assert.True(initrd + 5000 <= 16 * MiB);
            Assert.True(initrd >= 15 * MiB);
        }

        [Fact]
        public void The_e820_map_reserves_the_MP_table_and_the_BIOS_area_and_gives_the_rest_as_RAM()
        {
            // Given
            using var memory = new GuestMemory(64 * MiB);

            // When
            LinuxLoader.Load(memory, BzImage.Parse(SyntheticKernel.Build()), null, [], "", 1);

            // Then
            var parameters = memory.Slice(GuestLayout.BootParams, 4096);
            var count = parameters[LinuxLoader.E820EntriesField];
            var entries = Enumerable.Range(0, count).Select(index =>
            {
                var entry = memory.Slice(GuestLayout.BootParams + LinuxLoader.E820TableField + (ulong)(index * 20), 20);
                return new E820Entry(BinaryPrimitives.ReadUInt64LittleEndian(entry), BinaryPrimitives.ReadUInt64LittleEndian(entry[8..]), BinaryPrimitives.ReadUInt32LittleEndian(entry[16..]));
            }).ToList();
            Assert.Equal(
                [
                    new E820Entry(0, 0x9_FC00, E820Entry.Ram),
                    new E820Entry(0x9_FC00, 0x400, E820Entry.Reserved),
                    new E820Entry(0xE_0000, 0x2_0000, E820Entry.Reserved),
                    new E820Entry(0x10_0000, (64 * MiB) - 0x10_0000, E820Entry.Ram),
                ],
                entries);
        }

        [Fact]
        public void Writes_the_MP_table_where_Linux_scans_for_it()
        {
            // Given
            using var memory = new GuestMemory(64 * MiB);

            // When
            LinuxLoader.Load(memory, BzImage.Parse(SyntheticKernel.Build()), null, [], "", 2);

            // Then
            Assert.Equal("_MP_", Encoding.ASCII.GetString(memory.Slice(MpTable.DefaultAddress, 4)));
            Assert.Equal(0, memory.Slice(MpTable.DefaultAddress + 16, 4).SequenceCompareTo("PCMP"u8));
        }

        [Fact]
        public void Refuses_a_kernel_without_a_64_bit_entry()
        {
            // Given
            using var memory = new GuestMemory(64 * MiB);
            var kernel = BzImage.Parse(SyntheticKernel.Build(extendedLoadFlags: 0));

            // When // Then
            Assert.Throws<BootImageException>(() => LinuxLoader.Load(memory, kernel, null, [], "", 1));
        }

        [Fact]
        public void Refuses_a_command_line_longer_than_the_kernel_takes()
        {
            // Given
            using var memory = new GuestMemory(64 * MiB);
            var kernel = BzImage.Parse(SyntheticKernel.Build(commandLineSize: 16));

            // When // Then
            Assert.Throws<BootImageException>(() => LinuxLoader.Load(memory, kernel, null, [], new string('x', 17), 1));
        }

        [Fact]
        public void Refuses_an_initramfs_that_does_not_fit()
        {
            // Given
            using var memory = new GuestMemory(4 * MiB);
            var kernel = BzImage.Parse(SyntheticKernel.Build(initSize: (uint)(2 * MiB)));

            // When // Then
            Assert.Throws<BootImageException>(() => LinuxLoader.Load(memory, kernel, null, new byte[2 * MiB], "", 1));
        }
    }
}
