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
}
