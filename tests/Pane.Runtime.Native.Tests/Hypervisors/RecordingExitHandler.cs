using Pane.Runtime.Native.Hypervisors;

namespace Pane.Runtime.Native.Tests.Hypervisors;

/// <summary>Records every exit a backend hands to the devices, and answers MMIO loads with a fixed byte.</summary>
internal sealed class RecordingExitHandler : IVcpuExitHandler
{
    public const byte MmioAnswer = 0x77;

    public List<string> Exits { get; } = [];

    public void PortRead(ushort port, Span<byte> data)
    {
        data.Clear();
        Exits.Add($"in {port:x}/{data.Length}");
    }

    public void PortWrite(ushort port, ReadOnlySpan<byte> data) => Exits.Add($"out {port:x}={Convert.ToHexString(data)}");

    public void MmioRead(ulong address, Span<byte> data)
    {
        data.Fill(MmioAnswer);
        Exits.Add($"read {address:x}/{data.Length}");
    }

    public void MmioWrite(ulong address, ReadOnlySpan<byte> data) => Exits.Add($"write {address:x}={Convert.ToHexString(data)}");

    public void EndOfInterrupt(byte vector) => Exits.Add($"eoi {vector:x}");
}
