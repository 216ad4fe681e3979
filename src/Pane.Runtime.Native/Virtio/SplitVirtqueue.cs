using Pane.Runtime.Native.Memory;

namespace Pane.Runtime.Native.Virtio;

/// <summary>
/// The device side of a split virtqueue (Virtio 1.2, section 2.7): a descriptor table, the driver's available ring
/// and the device's used ring, all in guest memory. Takes descriptor chains (following NEXT links and one level of
/// indirect tables) and returns them through the used ring. Indices run freely over 16 bits and wrap. A chain that
/// loops, leaves guest memory, has a zero-length buffer, a readable buffer after a writable one, or a malformed
/// indirect table is refused with a reason, never an exception; the device completes it with nothing written.
/// </summary>
internal sealed class SplitVirtqueue
{
    /// <summary>The size of a descriptor.</summary>
    public const int DescriptorSize = 16;

    /// <summary>Descriptor flag: the chain continues at <c>next</c>.</summary>
    public const ushort NextFlag = 1;

    /// <summary>Descriptor flag: the device writes the buffer.</summary>
    public const ushort WriteFlag = 2;

    /// <summary>Descriptor flag: the buffer is a table of descriptors.</summary>
    public const ushort IndirectFlag = 4;

    /// <summary>Available ring flag: the driver asks for no interrupts.</summary>
    public const ushort NoInterruptFlag = 1;

    private readonly GuestMemory _memory;
    private ushort _nextAvailable;
    private ushort _nextUsed;

    /// <summary>Initializes a new instance of the <see cref="SplitVirtqueue"/> class.</summary>
    /// <param name="memory">The guest memory the rings live in.</param>
    /// <param name="size">The number of descriptors, a power of two from 1 to 32768.</param>
    /// <param name="descriptorTable">The guest-physical address of the descriptor table.</param>
    /// <param name="availableRing">The guest-physical address of the available (driver) ring.</param>
    /// <param name="usedRing">The guest-physical address of the used (device) ring.</param>
    public SplitVirtqueue(GuestMemory memory, ushort size, ulong descriptorTable, ulong availableRing, ulong usedRing)
    {
        ArgumentNullException.ThrowIfNull(memory);
        _memory = memory;
        Size = size;
        DescriptorTable = descriptorTable;
        AvailableRing = availableRing;
        UsedRing = usedRing;
    }

    /// <summary>Gets the number of descriptors.</summary>
    public ushort Size { get; }

    /// <summary>Gets the guest-physical address of the descriptor table.</summary>
    public ulong DescriptorTable { get; }

    /// <summary>Gets the guest-physical address of the available ring.</summary>
    public ulong AvailableRing { get; }

    /// <summary>Gets the guest-physical address of the used ring.</summary>
    public ulong UsedRing { get; }

    /// <summary>Gets the index of the next available-ring entry the device will take.</summary>
    public ushort NextAvailable => _nextAvailable;

    /// <summary>Gets the index of the next used-ring entry the device will fill.</summary>
    public ushort NextUsed => _nextUsed;

    /// <summary>Tells whether a queue's rings, with the given size, lie inside guest memory and the size is valid.</summary>
    /// <returns><see langword="true"/> when the queue can be used.</returns>
    public bool IsWellPlaced() =>
        Size != 0 && Size <= 32768 && (Size & (Size - 1)) == 0
        && _memory.Contains(DescriptorTable, (ulong)Size * DescriptorSize)
        && _memory.Contains(AvailableRing, 6 + (2UL * Size))
        && _memory.Contains(UsedRing, 6 + (8UL * Size));

    /// <summary>Sets where the device continues, as after a device reset or for tests of wrap-around.</summary>
    /// <param name="nextAvailable">The next available index.</param>
    /// <param name="nextUsed">The next used index.</param>
    public void Restore(ushort nextAvailable, ushort nextUsed)
    {
        _nextAvailable = nextAvailable;
        _nextUsed = nextUsed;
    }

    /// <summary>Takes the next chain the driver made available.</summary>
    /// <param name="chain">The chain, possibly refused with a reason.</param>
    /// <returns><see langword="false"/> when the driver has made nothing more available or the rings are unreachable.</returns>
    public bool TryTake(out DescriptorChain? chain)
    {
        chain = null;
        try
        {
            var available = _memory.ReadUInt16(AvailableRing + 2);
            if (available == _nextAvailable)
            {
                return false;
            }

            Interlocked.MemoryBarrier();
            var head = _memory.ReadUInt16(AvailableRing + 4 + (2UL * (ulong)(_nextAvailable % Size)));
            _nextAvailable++;
            try
            {
                chain = Walk(head);
            }
            catch (GuestMemoryFaultException fault)
            {
                chain = Refused(head, $"a descriptor at 0x{fault.Address:x} is outside guest memory");
            }

            return true;
        }
        catch (GuestMemoryFaultException)
        {
            return false;
        }
    }

    /// <summary>Returns a chain to the driver through the used ring.</summary>
    /// <param name="head">The chain's head index.</param>
    /// <param name="written">The number of bytes the device wrote into the chain's writable buffers.</param>
    /// <returns><see langword="false"/> when the used ring is outside guest memory.</returns>
    public bool Complete(ushort head, uint written)
    {
        try
        {
            var element = UsedRing + 4 + (8UL * (ulong)(_nextUsed % Size));
            _memory.WriteUInt32(element, head);
            _memory.WriteUInt32(element + 4, written);
            Interlocked.MemoryBarrier();
            _nextUsed++;
            _memory.WriteUInt16(UsedRing + 2, _nextUsed);
            return true;
        }
        catch (GuestMemoryFaultException)
        {
            return false;
        }
    }

    /// <summary>Tells whether a chain's head can go back in the used ring (it names a descriptor of the table).</summary>
    /// <param name="chain">The chain.</param>
    /// <returns><see langword="true"/> when the chain can be completed.</returns>
    public bool CanComplete(DescriptorChain chain)
    {
        ArgumentNullException.ThrowIfNull(chain);
        return chain.Head < Size;
    }

    /// <summary>Tells whether the driver asked not to be interrupted for used buffers.</summary>
    /// <returns><see langword="true"/> when the driver suppressed interrupts.</returns>
    public bool InterruptsSuppressed()
    {
        try
        {
            return (_memory.ReadUInt16(AvailableRing) & NoInterruptFlag) != 0;
        }
        catch (GuestMemoryFaultException)
        {
            return false;
        }
    }

    private DescriptorChain Walk(ushort head)
    {
        if (head >= Size)
        {
            return Refused(head, $"the head descriptor {head} is outside the table of {Size}");
        }

        var buffers = new List<VirtqueueBuffer>();
        var table = DescriptorTable;
        var tableSize = (uint)Size;
        var index = (uint)head;
        var visited = 0u;
        var indirect = false;
        while (true)
        {
            if (++visited > tableSize)
            {
                return Refused(head, "the chain loops");
            }

            var descriptor = table + ((ulong)index * DescriptorSize);
            var address = _memory.ReadUInt64(descriptor);
            var length = _memory.ReadUInt32(descriptor + 8);
            var flags = _memory.ReadUInt16(descriptor + 12);
            var next = _memory.ReadUInt16(descriptor + 14);

            if ((flags & IndirectFlag) != 0)
            {
                if (indirect)
                {
                    return Refused(head, "an indirect table names another indirect table");
                }

                if ((flags & NextFlag) != 0)
                {
                    return Refused(head, "an indirect descriptor also has NEXT set");
                }

                if (length == 0 || length % DescriptorSize != 0 || length / DescriptorSize > 32768)
                {
                    return Refused(head, $"an indirect table is {length} bytes long");
                }

                if (!_memory.Contains(address, length))
                {
                    return Refused(head, $"an indirect table at 0x{address:x} is outside guest memory");
                }

                indirect = true;
                table = address;
                tableSize = length / DescriptorSize;
                index = 0;
                visited = 0;
                continue;
            }

            if (length == 0)
            {
                return Refused(head, "a buffer is empty");
            }

            if (!_memory.Contains(address, length))
            {
                return Refused(head, $"a buffer at 0x{address:x}+{length} is outside guest memory");
            }

            var writable = (flags & WriteFlag) != 0;
            if (!writable && buffers.Count > 0 && buffers[^1].IsWritable)
            {
                return Refused(head, "a readable buffer follows a writable one");
            }

            buffers.Add(new VirtqueueBuffer(address, length, writable));
            if ((flags & NextFlag) == 0)
            {
                return new DescriptorChain(head, buffers, null);
            }

            if (next >= tableSize)
            {
                return Refused(head, $"a descriptor links to {next}, outside its table of {tableSize}");
            }

            index = next;
        }
    }

    private static DescriptorChain Refused(ushort head, string reason) => new(head, [], reason);
}
