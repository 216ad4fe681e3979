using System.Globalization;
using Pane.Runtime.Native.Memory;

namespace Pane.Runtime.Native.Tests.Memory;

public sealed class GuestMemoryTests
{
    public sealed class Constructor
    {
        [Theory]
        [InlineData(0UL)]
        [InlineData(4095UL)]
        [InlineData(4097UL)]
        public void Refuses_a_size_that_is_not_a_whole_number_of_pages(ulong size)
        {
            // Given // When
            var error = Assert.Throws<ArgumentOutOfRangeException>(() => new GuestMemory(size));

            // Then
            Assert.Equal("size", error.ParamName);
        }

        [Fact]
        public void Starts_zeroed_and_page_aligned()
        {
            // Given // When
            using var memory = new GuestMemory(2 * GuestMemory.PageSize);

            // Then
            Assert.Equal(0, memory.HostAddress % (nint)GuestMemory.PageSize);
            Assert.True(memory.Slice(0, (int)memory.Size).IndexOfAnyExcept((byte)0) < 0);
        }

        [Fact]
        public void Is_kept_from_child_processes()
        {
            if (!OperatingSystem.IsLinux())
            {
                Assert.Skip("The advice is read back from Linux's /proc/self/smaps.");
            }

            // Given // When
            using var memory = new GuestMemory(16 * GuestMemory.PageSize);

            // Then
            Assert.Contains("dc", VmFlagsOf(memory.HostAddress));
        }

        /// <summary>The <c>VmFlags</c> of the mapping that holds <paramref name="address"/>, from <c>/proc/self/smaps</c>.</summary>
        private static string[] VmFlagsOf(nint address)
        {
            var inMapping = false;
            foreach (var line in File.ReadLines("/proc/self/smaps"))
            {
                var range = line.Split(' ', 2)[0].Split('-');
                if (range.Length == 2
                    && ulong.TryParse(range[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var first)
                    && ulong.TryParse(range[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var end))
                {
                    inMapping = (ulong)address >= first && (ulong)address < end;
                }
                else if (inMapping && line.StartsWith("VmFlags:", StringComparison.Ordinal))
                {
                    return line["VmFlags:".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                }
            }

            return [];
        }
    }

    public sealed class Slice
    {
        [Theory]
        [InlineData(4096UL, 1)]
        [InlineData(4095UL, 2)]
        [InlineData(ulong.MaxValue, 1)]
        [InlineData(ulong.MaxValue - 4000, 8192)]
        [InlineData(0UL, 4097)]
        [InlineData(0UL, -1)]
        public void Refuses_any_range_that_leaves_guest_memory(ulong address, int length)
        {
            // Given
            using var memory = new GuestMemory(GuestMemory.PageSize);

            // When
            var fault = Assert.Throws<GuestMemoryFaultException>(() => memory.Slice(address, length));

            // Then
            Assert.Equal(address, fault.Address);
        }

        [Fact]
        public void Allows_the_last_byte_and_an_empty_range_at_the_end()
        {
            // Given
            using var memory = new GuestMemory(GuestMemory.PageSize);

            // When
            memory.Slice(4095, 1)[0] = 0x5A;

            // Then
            Assert.Equal(0x5A, memory.Slice(4095, 1)[0]);
            Assert.Equal(0, memory.Slice(4096, 0).Length);
        }
    }

    public sealed class ReadAndWrite
    {
        [Fact]
        public void Values_are_little_endian_at_their_guest_address()
        {
            // Given
            using var memory = new GuestMemory(GuestMemory.PageSize);

            // When
            memory.WriteUInt64(0x100, 0x0102_0304_0506_0708);
            memory.WriteUInt16(0x200, 0xBEEF);
            memory.WriteUInt32(0x300, 0xCAFE_F00D);

            // Then
            Assert.Equal(0x08, memory.Slice(0x100, 1)[0]);
            Assert.Equal(0x0102_0304_0506_0708UL, memory.ReadUInt64(0x100));
            Assert.Equal(0xBEEF, memory.ReadUInt16(0x200));
            Assert.Equal(0xCAFE_F00Du, memory.ReadUInt32(0x300));
        }

        [Fact]
        public void A_value_straddling_the_end_faults_and_changes_nothing()
        {
            // Given
            using var memory = new GuestMemory(GuestMemory.PageSize);

            // When
            Assert.Throws<GuestMemoryFaultException>(() => memory.WriteUInt64(4092, ulong.MaxValue));

            // Then
            Assert.Equal(0u, memory.ReadUInt32(4092));
        }
    }

    public sealed class Load : IDisposable
    {
        private const int Page = (int)GuestMemory.PageSize;

        private readonly string _path = Path.Combine(Directory.CreateTempSubdirectory("pane-guest-memory-").FullName, "data");
        private readonly byte[] _data = Pattern(5 * Page + 123);

        public Load()
        {
            File.WriteAllBytes(_path, _data);
        }

        public void Dispose() => Directory.Delete(Path.GetDirectoryName(_path)!, recursive: true);

        private static byte[] Pattern(int length)
        {
            var data = new byte[length];
            for (var index = 0; index < length; index++)
            {
                data[index] = (byte)((index * 31) + (index >> 12));
            }

            return data;
        }

        [Theory]
        [InlineData(2 * Page, Page, 3 * Page + 100)]
        [InlineData(2 * Page + 8, Page, 2 * Page)]
        [InlineData(2 * Page, 100, 2 * Page)]
        [InlineData(2 * Page, 0, 5 * Page + 123)]
        [InlineData(2 * Page, 0, 50)]
        public void Puts_the_file_s_bytes_in_place_and_leaves_the_memory_around_them_alone(int address, int offset, int length)
        {
            // Given
            using var memory = new GuestMemory(16 * GuestMemory.PageSize);
            memory.Slice(0, 16 * Page).Fill(0xEE);
            using var file = File.OpenHandle(_path);

            // When
            memory.Load((ulong)address, file, offset, length);

            // Then
            Assert.True(memory.Slice((ulong)address, length).SequenceEqual(_data.AsSpan(offset, length)));
            Assert.False(memory.Slice(0, address).ContainsAnyExcept((byte)0xEE));
            Assert.False(memory.Slice((ulong)(address + length), (16 * Page) - address - length).ContainsAnyExcept((byte)0xEE));
        }

        [Fact]
        public void On_Linux_the_whole_pages_are_mapped_from_the_file_not_copied()
        {
            // Given
            if (!OperatingSystem.IsLinux())
            {
                Assert.Skip("Pane maps files into guest memory on Linux only; elsewhere it reads them.");
            }

            using var memory = new GuestMemory(16 * GuestMemory.PageSize);
            using var file = File.OpenHandle(_path);

            // When
            memory.Load(4 * GuestMemory.PageSize, file, Page, 3 * Page);

            // Then
            var start = memory.HostAddress + (4 * Page);
            var mapping = File.ReadLines("/proc/self/maps").Single(line => line.EndsWith(_path, StringComparison.Ordinal));
            var range = mapping.Split(' ')[0].Split('-');
            Assert.Equal(start, nint.Parse(range[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture));
            Assert.Equal(start + (3 * Page), nint.Parse(range[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture));
        }

        [Fact]
        public void The_guest_s_writes_never_reach_the_file()
        {
            // Given
            using var memory = new GuestMemory(16 * GuestMemory.PageSize);
            using (var file = File.OpenHandle(_path))
            {
                memory.Load(0, file, 0, 4 * Page);
            }

            // When
            memory.Slice(Page, Page).Fill(0x11);

            // Then
            Assert.Equal(_data, File.ReadAllBytes(_path));
            Assert.False(memory.Slice(Page, Page).ContainsAnyExcept((byte)0x11));
            Assert.True(memory.Slice(2 * GuestMemory.PageSize, 2 * Page).SequenceEqual(_data.AsSpan(2 * Page, 2 * Page)));
        }

        [Fact]
        public void A_file_shorter_than_the_range_is_an_error()
        {
            // Given
            using var memory = new GuestMemory(16 * GuestMemory.PageSize);
            using var file = File.OpenHandle(_path);

            // When // Then
            Assert.Throws<EndOfStreamException>(() => memory.Load(0, file, 4 * Page, 2 * Page));
        }

        [Fact]
        public void A_range_outside_guest_memory_is_a_fault()
        {
            // Given
            using var memory = new GuestMemory(4 * GuestMemory.PageSize);
            using var file = File.OpenHandle(_path);

            // When // Then
            Assert.Throws<GuestMemoryFaultException>(() => memory.Load(3 * GuestMemory.PageSize, file, 0, 2 * Page));
        }
    }
}
