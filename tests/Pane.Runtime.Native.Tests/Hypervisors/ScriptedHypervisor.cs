using System.Text;
using Pane.Runtime.Native.Boot;
using Pane.Runtime.Native.Hypervisors;
using Pane.Runtime.Native.Interrupts;
using Pane.Runtime.Native.Memory;

namespace Pane.Runtime.Native.Tests.Hypervisors;

/// <summary>
/// A hypervisor whose bootstrap vCPU plays a script of exits instead of running code: it prints text on COM1
/// through port writes, then ends as <see cref="ScriptEnd"/> says.
/// </summary>
internal sealed class ScriptedHypervisor : IHypervisor
{
    public ScriptedHypervisor(string consoleText = "", ScriptEnd end = ScriptEnd.Shutdown)
    {
        ConsoleText = consoleText;
        End = end;
    }

    public string Name => "scripted";

    public string ConsoleText { get; }

    public ScriptEnd End { get; }

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
            var vcpu = new ScriptedVcpu(index, index == 0 ? hypervisor.ConsoleText : string.Empty, index > 0 && hypervisor.End == ScriptEnd.Echo ? ScriptEnd.WaitForCancel : hypervisor.End);
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

    internal sealed class ScriptedVcpu(int index, string text, ScriptEnd end) : IVcpu
    {
        private const ushort ComData = 0x3F8;
        private const ushort ComLineStatus = 0x3FD;
        private const byte DataReady = 0x01;

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
                handler.PortWrite(ComData, _text.AsSpan(_next++, 1));
                return VcpuRunResult.Continue;
            }

            switch (end)
            {
                case ScriptEnd.Shutdown:
                    return VcpuRunResult.Shutdown;
                case ScriptEnd.Halt:
                    return VcpuRunResult.Halted;
                case ScriptEnd.Fail:
                    throw new HypervisorException("KVM_RUN", 14, "Bad address");
                case ScriptEnd.Echo:
                    return Echo(handler);
                default:
                    _cancelled.Wait();
                    return VcpuRunResult.Cancelled;
            }
        }

        public void Cancel() => _cancelled.Set();

        public void Dispose() => _cancelled.Dispose();

        /// <summary>Sends COM1's next received byte back, as a terminal's echo does, or waits a moment for one.</summary>
        private VcpuRunResult Echo(IVcpuExitHandler handler)
        {
            Span<byte> register = stackalloc byte[1];
            handler.PortRead(ComLineStatus, register);
            if ((register[0] & DataReady) == 0)
            {
                return _cancelled.Wait(1) ? VcpuRunResult.Cancelled : VcpuRunResult.Continue;
            }

            handler.PortRead(ComData, register);
            handler.PortWrite(ComData, register);
            return VcpuRunResult.Continue;
        }
    }
}

/// <summary>How a <see cref="ScriptedHypervisor"/>'s vCPUs end once their console text is out.</summary>
public enum ScriptEnd
{
    /// <summary>The guest shuts the machine down.</summary>
    Shutdown,

    /// <summary>The vCPU halts with nothing to wake it.</summary>
    Halt,

    /// <summary>The hypervisor refuses to run the vCPU.</summary>
    Fail,

    /// <summary>The vCPU runs until it is cancelled.</summary>
    WaitForCancel,

    /// <summary>The bootstrap vCPU sends every byte COM1 receives back, until it is cancelled.</summary>
    Echo,
}
