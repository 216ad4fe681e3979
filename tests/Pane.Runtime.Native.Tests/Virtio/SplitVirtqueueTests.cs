using Pane.Runtime.Native.Memory;
using Pane.Runtime.Native.Virtio;

namespace Pane.Runtime.Native.Tests.Virtio;

public sealed class SplitVirtqueueTests
{
    private const ushort Next = SplitVirtqueue.NextFlag;
    private const ushort Write = SplitVirtqueue.WriteFlag;
    private const ushort Indirect = SplitVirtqueue.IndirectFlag;

    private static DescriptorChain TakeOne(SplitVirtqueue queue)
    {
        Assert.True(queue.TryTake(out var chain));
        return chain!;
    }

    public sealed class TryTake
    {
        [Fact]
        public void Returns_nothing_while_the_driver_has_made_nothing_available()
        {
            // Given
            using var memory = new GuestMemory(0x10000);
            var queue = new QueueDriver(memory).Queue();

            // When
            var taken = queue.TryTake(out var chain);

            // Then
            Assert.False(taken);
            Assert.Null(chain);
        }

        [Fact]
        public void Follows_a_chain_of_readable_then_writable_buffers()
        {
            // Given
            using var memory = new GuestMemory(0x10000);
            var driver = new QueueDriver(memory);
            driver.Descriptor(2, 0x5000, 16, Next, next: 5);
            driver.Descriptor(5, 0x6000, 512, (ushort)(Next | Write), next: 1);
            driver.Descriptor(1, 0x7000, 1, Write);
            driver.MakeAvailable(2);
            var queue = driver.Queue();

            // When
            var chain = TakeOne(queue);

            // Then
            Assert.True(chain.IsValid);
            Assert.Equal(2, chain.Head);
            Assert.Equal(
                [new VirtqueueBuffer(0x5000, 16, false), new VirtqueueBuffer(0x6000, 512, true), new VirtqueueBuffer(0x7000, 1, true)],
                chain.Buffers);
            Assert.Equal(16, chain.ReadableLength);
            Assert.Equal(513, chain.WritableLength);
        }

        [Fact]
        public void Follows_an_indirect_table()
        {
            // Given
            using var memory = new GuestMemory(0x10000);
            var driver = new QueueDriver(memory);
            driver.Descriptor(0, 0x5000, 16, Next, next: 1, table: 0x8000);
            driver.Descriptor(1, 0x7000, 1, Write, table: 0x8000);
            driver.Descriptor(3, 0x8000, 32, Indirect);
            driver.MakeAvailable(3);

            // When
            var chain = TakeOne(driver.Queue());

            // Then
            Assert.True(chain.IsValid);
            Assert.Equal(3, chain.Head);
            Assert.Equal([new VirtqueueBuffer(0x5000, 16, false), new VirtqueueBuffer(0x7000, 1, true)], chain.Buffers);
        }

        [Fact]
        public void Refuses_a_chain_that_loops()
        {
            // Given
            using var memory = new GuestMemory(0x10000);
            var driver = new QueueDriver(memory);
            driver.Descriptor(0, 0x5000, 16, Next, next: 1);
            driver.Descriptor(1, 0x6000, 16, Next, next: 0);
            driver.MakeAvailable(0);

            // When
            var chain = TakeOne(driver.Queue());

            // Then
            Assert.False(chain.IsValid);
            Assert.Contains("loops", chain.Error, StringComparison.Ordinal);
        }

        [Fact]
        public void Refuses_an_indirect_table_that_loops()
        {
            // Given
            using var memory = new GuestMemory(0x10000);
            var driver = new QueueDriver(memory);
            driver.Descriptor(0, 0x5000, 16, Next, next: 0, table: 0x8000);
            driver.Descriptor(0, 0x8000, 16, Indirect);
            driver.MakeAvailable(0);

            // When
            var chain = TakeOne(driver.Queue());

            // Then
            Assert.False(chain.IsValid);
        }

        [Theory]
        [InlineData(0x1_0000UL, 16U)]
        [InlineData(0xFFF8UL, 16U)]
        [InlineData(ulong.MaxValue - 7, 16U)]
        public void Refuses_a_buffer_outside_guest_memory(ulong address, uint length)
        {
            // Given
            using var memory = new GuestMemory(0x10000);
            var driver = new QueueDriver(memory);
            driver.Descriptor(0, address, length);
            driver.MakeAvailable(0);

            // When
            var chain = TakeOne(driver.Queue());

            // Then
            Assert.False(chain.IsValid);
            Assert.Contains("outside guest memory", chain.Error, StringComparison.Ordinal);
        }

        [Fact]
        public void Refuses_a_zero_length_buffer()
        {
            // Given
            using var memory = new GuestMemory(0x10000);
            var driver = new QueueDriver(memory);
            driver.Descriptor(0, 0x5000, 0);
            driver.MakeAvailable(0);

            // When
            var chain = TakeOne(driver.Queue());

            // Then
            Assert.False(chain.IsValid);
            Assert.Contains("empty", chain.Error, StringComparison.Ordinal);
        }

        [Fact]
        public void Refuses_a_head_or_link_outside_the_table()
        {
            // Given
            using var memory = new GuestMemory(0x10000);
            var driver = new QueueDriver(memory);
            driver.Descriptor(0, 0x5000, 16, Next, next: 8);
            driver.MakeAvailable(9);
            driver.MakeAvailable(0);
            var queue = driver.Queue();

            // When
            var head = TakeOne(queue);
            var link = TakeOne(queue);

            // Then
            Assert.False(head.IsValid);
            Assert.False(queue.CanComplete(head));
            Assert.False(link.IsValid);
            Assert.True(queue.CanComplete(link));
        }

        [Theory]
        [InlineData(0x8000UL, 0U, (ushort)0)]
        [InlineData(0x8000UL, 24U, (ushort)0)]
        [InlineData(0xFFF0UL, 32U, (ushort)0)]
        [InlineData(0x8000UL, 32U, SplitVirtqueue.NextFlag)]
        public void Refuses_a_malformed_indirect_descriptor(ulong table, uint length, ushort extraFlags)
        {
            // Given
            using var memory = new GuestMemory(0x10000);
            var driver = new QueueDriver(memory);
            driver.Descriptor(0, 0x5000, 16, table: 0x8000);
            driver.Descriptor(0, table, length, (ushort)(Indirect | extraFlags), next: 1);
            driver.Descriptor(1, 0x5000, 16);
            driver.MakeAvailable(0);

            // When
            var chain = TakeOne(driver.Queue());

            // Then
            Assert.False(chain.IsValid);
        }

        [Fact]
        public void Refuses_an_indirect_table_inside_an_indirect_table()
        {
            // Given
            using var memory = new GuestMemory(0x10000);
            var driver = new QueueDriver(memory);
            driver.Descriptor(0, 0x9000, 16, Indirect, table: 0x8000);
            driver.Descriptor(0, 0x8000, 16, Indirect);
            driver.MakeAvailable(0);

            // When
            var chain = TakeOne(driver.Queue());

            // Then
            Assert.False(chain.IsValid);
            Assert.Contains("another indirect", chain.Error, StringComparison.Ordinal);
        }

        [Fact]
        public void Refuses_a_readable_buffer_after_a_writable_one()
        {
            // Given
            using var memory = new GuestMemory(0x10000);
            var driver = new QueueDriver(memory);
            driver.Descriptor(0, 0x5000, 16, (ushort)(Write | Next), next: 1);
            driver.Descriptor(1, 0x6000, 16);
            driver.MakeAvailable(0);

            // When
            var chain = TakeOne(driver.Queue());

            // Then
            Assert.False(chain.IsValid);
        }

        [Fact]
        public void Keeps_taking_after_a_refused_chain()
        {
            // Given
            using var memory = new GuestMemory(0x10000);
            var driver = new QueueDriver(memory);
            driver.Descriptor(0, 0x5000, 0);
            driver.Descriptor(1, 0x5000, 8);
            driver.MakeAvailable(0);
            driver.MakeAvailable(1);
            var queue = driver.Queue();

            // When
            var refused = TakeOne(queue);
            var valid = TakeOne(queue);

            // Then
            Assert.False(refused.IsValid);
            Assert.True(valid.IsValid);
            Assert.False(queue.TryTake(out _));
        }
    }

    public sealed class Complete
    {
        [Fact]
        public void Writes_the_used_element_then_publishes_the_used_index()
        {
            // Given
            using var memory = new GuestMemory(0x10000);
            var driver = new QueueDriver(memory);
            var queue = driver.Queue();

            // When
            queue.Complete(6, 513);

            // Then
            Assert.Equal(1, driver.UsedIndex);
            Assert.Equal((6u, 513u), driver.UsedElement(0));
        }

        [Fact]
        public void Indices_wrap_around_16_bits_and_the_ring_position()
        {
            // Given
            using var memory = new GuestMemory(0x10000);
            var driver = new QueueDriver(memory, size: 4);
            driver.Descriptor(0, 0x5000, 8);
            driver.Descriptor(1, 0x5000, 8);
            driver.StartAt(65534);
            var queue = driver.Queue();
            queue.Restore(65534, 65534);
            driver.MakeAvailable(0);
            driver.MakeAvailable(1);

            // When
            var first = TakeOne(queue);
            queue.Complete(first.Head, 1);
            var second = TakeOne(queue);
            queue.Complete(second.Head, 2);

            // Then
            Assert.Equal(0, first.Head);
            Assert.Equal(1, second.Head);
            Assert.Equal(0, queue.NextAvailable);
            Assert.Equal(0, driver.UsedIndex);
            Assert.Equal((0u, 1u), driver.UsedElement(2));
            Assert.Equal((1u, 2u), driver.UsedElement(3));
            Assert.False(queue.TryTake(out _));
        }
    }

    public sealed class IsWellPlaced
    {
        [Theory]
        [InlineData((ushort)0)]
        [InlineData((ushort)3)]
        public void Refuses_a_size_that_is_not_a_power_of_two(ushort size)
        {
            // Given
            using var memory = new GuestMemory(0x10000);

            // When
            var queue = new SplitVirtqueue(memory, size, 0x1000, 0x2000, 0x3000);

            // Then
            Assert.False(queue.IsWellPlaced());
        }

        [Fact]
        public void Refuses_rings_that_end_outside_guest_memory()
        {
            // Given
            using var memory = new GuestMemory(0x10000);

            // When
            var queue = new SplitVirtqueue(memory, 256, 0x1000, 0x2000, 0xF900);

            // Then
            Assert.False(queue.IsWellPlaced());
            Assert.True(new SplitVirtqueue(memory, 256, 0x1000, 0x2000, 0x3000).IsWellPlaced());
        }
    }
}
