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
