using Pane.Runtime.Native.Memory;
using Pane.Runtime.Native.Virtio;

namespace Pane.Runtime.Native.Tests.Virtio;

/// <summary>Plays the guest driver's side of a split virtqueue in guest memory: descriptors, available ring, used ring.</summary>
internal sealed class QueueDriver
{
    public const ulong Descriptors = 0x1000;
    public const ulong Available = 0x2000;
    public const ulong Used = 0x3000;

    private readonly GuestMemory _memory;
    private ushort _available;

    public QueueDriver(GuestMemory memory, ushort size = 8)
    {
        _memory = memory;
        Size = size;
    }

    public ushort Size { get; }

    public SplitVirtqueue Queue() => new(_memory, Size, Descriptors, Available, Used);

    public void Descriptor(int index, ulong address, uint length, ushort flags = 0, ushort next = 0, ulong table = Descriptors)
    {
        var at = table + ((ulong)index * 16);
        _memory.WriteUInt64(at, address);
        _memory.WriteUInt32(at + 8, length);
        _memory.WriteUInt16(at + 12, flags);
        _memory.WriteUInt16(at + 14, next);
    }

    public void MakeAvailable(ushort head)
    {
        _memory.WriteUInt16(Available + 4 + (2UL * (ulong)(_available % Size)), head);
        _available++;
        _memory.WriteUInt16(Available + 2, _available);
    }

    public void StartAt(ushort index)
    {
        _available = index;
        _memory.WriteUInt16(Available + 2, index);
    }

    public ushort UsedIndex => _memory.ReadUInt16(Used + 2);

    public (uint Id, uint Length) UsedElement(int position) =>
        (_memory.ReadUInt32(Used + 4 + (8UL * (ulong)position)), _memory.ReadUInt32(Used + 8 + (8UL * (ulong)position)));
}
