using Pane.Runtime.Native.Boot;
using Pane.Runtime.Native.Memory;

namespace Pane.Runtime.Native.Tests.Boot;

public sealed class ElfKernelTests
{
    private const ulong MiB = 1024 * 1024;

    public sealed class Parse
    {
        [Fact]
        public void Reads_the_loadable_segments_by_physical_address_and_skips_the_others()
        {
            // Given
            var image = SyntheticElf.Kernel();

            // When
            var kernel = ElfKernel.Parse(image);

            // Then
            Assert.Equal(0x100_0000UL, kernel.Entry);
            Assert.Equal(2, kernel.Segments.Count);
            Assert.Equal(0x122_0000UL, kernel.End);
        }

        [Fact]
        public void Refuses_what_is_not_a_64_bit_x86_ELF()
        {
            // Given
            var image = SyntheticElf.Kernel();
            image[4] = 1;

            // When
            var error = Assert.Throws<BootImageException>(() => ElfKernel.Parse(image));

            // Then
            Assert.Contains("64-bit x86 ELF", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Refuses_a_segment_that_runs_past_the_file()
        {
            // Given
            var image = SyntheticElf.Build(0x100_0000, new ElfSegment(0x100_0000, 0x1000, 0x1000, 0x1000));
            Array.Resize(ref image, 0x1800);

            // When
            var error = Assert.Throws<BootImageException>(() => ElfKernel.Parse(image));

            // Then
            Assert.Contains("segment 1", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Refuses_a_segment_larger_than_any_kernel_Pane_unpacks()
        {
            // Given
            var image = SyntheticElf.Build(0x100_0000, new ElfSegment(0x100_0000, 0x1000, 0x1000, 0x9000_0000));

            // When
            var error = Assert.Throws<BootImageException>(() => ElfKernel.Parse(image));

            // Then
            Assert.Contains("512 MiB", error.Message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData(0x8_0000UL)]
        [InlineData(0xBFFF_F000UL)]
        public void Refuses_a_segment_below_1_MiB_or_beyond_guest_memory(ulong address)
        {
            // Given
            var image = SyntheticElf.Build(address, new ElfSegment(address, 0x1000, 0x1000, 0x2000));

            // When // Then
            Assert.Throws<BootImageException>(() => ElfKernel.Parse(image));
        }

        [Fact]
        public void Refuses_an_entry_outside_the_segments()
        {
            // Given
            var image = SyntheticElf.Build(0xFFFF_FFFF_8100_0000, new ElfSegment(0x100_0000, 0x1000, 0x1000, 0x1000));

            // When
            var error = Assert.Throws<BootImageException>(() => ElfKernel.Parse(image));

            // Then
            Assert.Contains("entry point", error.Message, StringComparison.Ordinal);
        }
    }

    public sealed class LoadInto
    {
        [Fact]
        public void Copies_each_segment_and_zeroes_its_memory_beyond_the_file()
        {
            // Given
            var image = SyntheticElf.Kernel();
            var kernel = ElfKernel.Parse(image);
            using var memory = new GuestMemory(64 * MiB);
            memory.Slice(0x120_0000, 0x2_0000).Fill(0xCC);

            // When
            kernel.LoadInto(memory);

            // Then
            Assert.True(memory.Slice(0x100_0000, 0x3000).SequenceEqual(image.AsSpan(0x1000, 0x3000)));
            Assert.True(memory.Slice(0x120_0000, 0x800).SequenceEqual(image.AsSpan(0x4000, 0x800)));
            Assert.False(memory.Slice(0x120_0800, 0x2_0000 - 0x800).ContainsAnyExcept((byte)0));
        }
    }

    public sealed class Open : IDisposable
    {
        private readonly string _path = Path.Combine(Directory.CreateTempSubdirectory("pane-elf-").FullName, "vmlinux");

        public void Dispose() => Directory.Delete(Path.GetDirectoryName(_path)!, recursive: true);

        [Fact]
        public void Loads_the_segments_from_the_file_as_a_kernel_in_memory_would()
        {
            // Given
            var image = SyntheticElf.Kernel();
            File.WriteAllBytes(_path, image);
            using var fromFile = new GuestMemory(64 * MiB);
            using var fromBytes = new GuestMemory(64 * MiB);

            // When
            var kernel = ElfKernel.Open(_path);
            kernel.LoadInto(fromFile);
            ElfKernel.Parse(image).LoadInto(fromBytes);

            // Then
            Assert.Equal(0x100_0000UL, kernel.Entry);
            Assert.True(fromFile.Slice(0x100_0000, 0x22_0000).SequenceEqual(fromBytes.Slice(0x100_0000, 0x22_0000)));
            Assert.True(fromFile.Slice(0x120_0000, 0x800).SequenceEqual(image.AsSpan(0x4000, 0x800)));
        }

        [Fact]
        public void A_file_cut_short_after_it_was_opened_is_a_boot_error()
        {
            // Given
            File.WriteAllBytes(_path, SyntheticElf.Kernel());
            var kernel = ElfKernel.Open(_path);
            using (var file = File.OpenWrite(_path))
            {
                file.SetLength(0x2000);
            }

            using var memory = new GuestMemory(64 * MiB);

            // When
            var error = Assert.Throws<BootImageException>(() => kernel.LoadInto(memory));

            // Then
            Assert.Contains("shorter", error.Message, StringComparison.Ordinal);
        }
    }
}
