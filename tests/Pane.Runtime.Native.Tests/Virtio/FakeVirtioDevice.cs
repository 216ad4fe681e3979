using Pane.Runtime.Native.Virtio;

namespace Pane.Runtime.Native.Tests.Virtio;

/// <summary>A device that records what the transport asks of it (a hand-written fake: its config read takes a span).</summary>
internal sealed class FakeVirtioDevice : IVirtioDevice
{
    public uint DeviceId => 2;

    public ulong Features { get; init; }

    public int QueueCount => 1;

    public ushort MaxQueueSize => 256;

    public List<(ulong Features, IReadOnlyList<SplitVirtqueue?> Queues)> Activations { get; } = [];

    public List<int> Notifications { get; } = [];

    public int Resets { get; private set; }

    public List<(ulong Offset, int Length)> ConfigReads { get; } = [];

    public void ReadConfig(ulong offset, Span<byte> data)
    {
        ConfigReads.Add((offset, data.Length));
        data.Fill(0x77);
    }

    public void Activate(ulong features, IReadOnlyList<SplitVirtqueue?> queues, Action interrupt) => Activations.Add((features, queues));

    public void Notify(int queue) => Notifications.Add(queue);

    public void Reset() => Resets++;
}
