using System.Text;
using Pane.Runtime.Native.Boot;
using Pane.Runtime.Native.Hypervisors;
using Pane.Runtime.Native.Interrupts;
using Pane.Runtime.Native.Memory;

namespace Pane.Runtime.Native.Tests.Hypervisors;

/// <summary>
/// A hypervisor whose bootstrap vCPU plays a script of exits instead of running code: it prints text on COM1
/// through port writes, optionally acknowledges an interrupt, then shuts down or waits to be cancelled.
/// </summary>
internal sealed class ScriptedHypervisor : IHypervisor
{
    public ScriptedHypervisor(string consoleText = "", bool shutDownAtEnd = true)
    {
        ConsoleText = consoleText;
        ShutDownAtEnd = shutDownAtEnd;
    }

    public string Name => "scripted";

    public string ConsoleText { get; }

    public bool ShutDownAtEnd { get; }

    public ScriptedVm? Vm { get; private set; }

    public IVm CreateVm(GuestMemory memory, bool withLocalApic)
    {
        Vm = new ScriptedVm(this, memory, withLocalApic);
        return Vm;
    }

    internal sealed class ScriptedVm(ScriptedHypervisor hypervisor, GuestMemory memory, bool withLocalApic) : IVm
    {
        public GuestMemory Memory => memory;

        public bool WithLocalApic => withLocalApic;

        public List<ScriptedVcpu> Vcpus { get; } = [];

        public List<MsiMessage> Delivered { get; } = [];

        public Dictionary<int, RedirectionEntry> Routes { get; } = [];

        public bool Disposed { get; private set; }

        public IVcpu CreateVcpu(int index, int count)
        {
            var vcpu = new ScriptedVcpu(index, index == 0 ? hypervisor.ConsoleText : string.Empty, hypervisor.ShutDownAtEnd);
            Vcpus.Add(vcpu);
            return vcpu;
        }

        public void Deliver(MsiMessage message)
        {
            lock (Delivered)
            {
                Delivered.Add(message);
            }
        }

        public void RouteChanged(int pin, RedirectionEntry entry) => Routes[pin] = entry;

        public void Dispose() => Disposed = true;
    }

    internal sealed class ScriptedVcpu(int index, string text, bool shutDownAtEnd) : IVcpu
    {
        private readonly byte[] _text = Encoding.UTF8.GetBytes(text);
        private readonly ManualResetEventSlim _cancelled = new();
        private int _next;

        public int Index => index;

        public VcpuBootState? BootState { get; private set; }

        public void SetBootState(VcpuBootState state) => BootState = state;

        public void SetRealModeEntry(ushort address) => throw new NotSupportedException();

        public VcpuRunResult Run(IVcpuExitHandler handler)
        {
            if (_cancelled.IsSet)
            {
                return VcpuRunResult.Cancelled;
            }

            if (_next < _text.Length)
            {
                handler.PortWrite(0x3F8, _text.AsSpan(_next++, 1));
                return VcpuRunResult.Continue;
            }

            if (shutDownAtEnd)
            {
                return VcpuRunResult.Shutdown;
            }

            _cancelled.Wait();
            return VcpuRunResult.Cancelled;
        }

        public void Cancel() => _cancelled.Set();

        public void Dispose() => _cancelled.Dispose();
    }
}
