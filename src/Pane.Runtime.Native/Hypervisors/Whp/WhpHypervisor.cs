using Pane.Runtime.Native.Memory;

namespace Pane.Runtime.Native.Hypervisors.Whp;

/// <summary>The Windows Hypervisor Platform backend: each VM is a WHP partition with the given number of vCPUs.</summary>
/// <param name="platform">The WHP calls.</param>
/// <param name="processors">The number of vCPUs each partition gets (WHP fixes it before setup).</param>
internal sealed class WhpHypervisor(IWhpPlatform platform, int processors) : IHypervisor
{
    /// <inheritdoc/>
    public string Name => "whp";

    /// <inheritdoc/>
    public IVm CreateVm(GuestMemory memory, bool withLocalApic) => new WhpVm(platform, memory, processors, withLocalApic);
}
