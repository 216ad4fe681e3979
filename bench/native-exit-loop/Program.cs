using System.Diagnostics;
using System.Globalization;
using Pane.Runtime.Native.Hypervisors;
using Pane.Runtime.Native.Hypervisors.Kvm;
using Pane.Runtime.Native.Memory;

// The exit-loop micro-benchmark of the native VMM: a real-mode guest does N port writes in a loop, each one a vCPU
// exit that goes through Pane's KVM backend to a device handler, then halts. Prints exits per second.
var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
const ushort LoadAddress = 0x1000;
byte[] guest =
[
    0x66, 0xB9, (byte)count, (byte)(count >> 8), (byte)(count >> 16), (byte)(count >> 24), // mov ecx, count
    0xE6, 0x10,                                                                                 // out 0x10, al
    0x66, 0x49,                                                                                 // dec ecx
    0x75, 0xFA,                                                                                 // jnz out
    0xF4,                                                                                       // hlt
];

using var kvm = KvmHypervisor.Open();
using var memory = new GuestMemory(0x10000);
memory.Write(LoadAddress, guest);
using var vm = kvm.CreateVm(memory, withLocalApic: false);
using var vcpu = vm.CreateVcpu(0, 1);
vcpu.SetRealModeEntry(LoadAddress);
var handler = new CountingHandler();
var clock = Stopwatch.StartNew();
while (vcpu.Run(handler) == VcpuRunResult.Continue)
{
}

clock.Stop();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{handler.Writes} port-write exits in {clock.Elapsed.TotalSeconds:0.000} s: {handler.Writes / clock.Elapsed.TotalSeconds:0} exits/s (the seed's WHP loop: about 15/s)"));
return handler.Writes == count ? 0 : 1;

/// <summary>Counts the guest's port writes.</summary>
internal sealed class CountingHandler : IVcpuExitHandler
{
    public int Writes { get; private set; }

    public void PortRead(ushort port, Span<byte> data) => data.Clear();

    public void PortWrite(ushort port, ReadOnlySpan<byte> data) => Writes++;

    public void MmioRead(ulong address, Span<byte> data) => data.Clear();

    public void MmioWrite(ulong address, ReadOnlySpan<byte> data)
    {
    }

    public void EndOfInterrupt(byte vector)
    {
    }
}
