using Pane.Runtime.Native.Interrupts;
using Pane.Runtime.Native.Memory;

namespace Pane.Runtime.Native.Hypervisors.Whp;

/// <summary>
/// A WHP partition with the hypervisor's xAPIC emulation: guest RAM mapped at 0, Pane's I/O APIC delivering through
/// <c>WHvRequestInterrupt</c>, which takes the same fields as an MSI. WHP reports the end-of-interrupt of
/// level-triggered requests as an exit of its own, so it needs no route table.
/// </summary>
internal sealed class WhpVm : IVm
{
    private readonly IWhpPlatform _platform;
    private readonly nint _partition;
    private readonly int _processors;

    /// <summary>Initializes a new instance of the <see cref="WhpVm"/> class.</summary>
    /// <param name="platform">The WHP calls.</param>
    /// <param name="memory">Guest RAM.</param>
    /// <param name="processors">How many vCPUs the partition gets.</param>
    /// <param name="withLocalApic">Whether to turn on the xAPIC emulation.</param>
    /// <exception cref="HypervisorException">WHP refused a step.</exception>
    public WhpVm(IWhpPlatform platform, GuestMemory memory, int processors, bool withLocalApic)
    {
        ArgumentNullException.ThrowIfNull(platform);
        ArgumentNullException.ThrowIfNull(memory);
        _platform = platform;
        _processors = processors;
        WhpCheck.Succeeded(platform.CreatePartition(out _partition), "WHvCreatePartition");
        try
        {
            WhpCheck.Succeeded(platform.SetPartitionProperty(_partition, WhpConstants.PropertyProcessorCount, (uint)processors), "WHvSetPartitionProperty(ProcessorCount)");
            if (withLocalApic)
            {
                WhpCheck.Succeeded(platform.SetPartitionProperty(_partition, WhpConstants.PropertyLocalApicEmulationMode, WhpConstants.LocalApicXApic), "WHvSetPartitionProperty(LocalApicEmulationMode)");
            }

            WhpCheck.Succeeded(platform.SetupPartition(_partition), "WHvSetupPartition");
            WhpCheck.Succeeded(
                platform.MapGpaRange(_partition, memory.HostAddress, 0, memory.Size, WhpConstants.MapRead | WhpConstants.MapWrite | WhpConstants.MapExecute),
                "WHvMapGpaRange");
        }
        catch
        {
            _ = platform.DeletePartition(_partition);
            throw;
        }
    }

    /// <summary>Gets the number of interrupt requests WHP refused.</summary>
    public int FailedDeliveries { get; private set; }

    /// <inheritdoc/>
    public IVcpu CreateVcpu(int index, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _processors);
        WhpCheck.Succeeded(_platform.CreateVirtualProcessor(_partition, (uint)index), "WHvCreateVirtualProcessor");
        return new WhpVcpu(_platform, _partition, index);
    }

    /// <inheritdoc/>
    public void Deliver(MsiMessage message)
    {
        var type = message.DeliveryMode switch
        {
            1 => WhpConstants.InterruptLowestPriority,
            4 => WhpConstants.InterruptNmi,
            _ => WhpConstants.InterruptFixed,
        };
        var control = type | ((message.IsLogicalDestination ? 1UL : 0) << 8) | ((message.IsLevelTriggered ? 1UL : 0) << 12);
        if (_platform.RequestInterrupt(_partition, control, message.Destination, message.Vector) < 0)
        {
            FailedDeliveries++;
        }
    }

    /// <inheritdoc/>
    public void RouteChanged(int pin, RedirectionEntry entry)
    {
    }

    /// <inheritdoc/>
    public void Dispose() => _ = _platform.DeletePartition(_partition);
}
