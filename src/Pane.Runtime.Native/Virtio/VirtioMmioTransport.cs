using System.Buffers.Binary;
using Pane.Runtime.Native.Devices;
using Pane.Runtime.Native.Interrupts;
using Pane.Runtime.Native.Memory;

namespace Pane.Runtime.Native.Virtio;

/// <summary>
/// The virtio-MMIO transport, version 2 (Virtio 1.2, section 4.2): the register block a guest's
/// <c>virtio_mmio</c> driver finds through <c>virtio_mmio.device=</c>. It handles identification, feature
/// negotiation (FEATURES_OK is kept only for a subset of the offered features that includes VERSION_1), the status
/// machine, queue setup, notification, and the interrupt status the guest acknowledges. Its interrupt line is high
/// while any interrupt status bit is set, as on real hardware.
/// </summary>
internal sealed class VirtioMmioTransport : IBusDevice
{
    /// <summary>The size of the register window.</summary>
    public const ulong WindowSize = 0x1000;

    /// <summary>"virt" in little-endian.</summary>
    public const uint MagicValue = 0x7472_6976;

    /// <summary>The transport version (the non-legacy one).</summary>
    public const uint Version = 2;

    /// <summary>The vendor id reported ("PANE").</summary>
    public const uint VendorId = 0x454E_4150;

    /// <summary>Feature bit VIRTIO_F_VERSION_1.</summary>
    public const ulong FeatureVersion1 = 1UL << 32;

    /// <summary>Interrupt status: a used buffer was returned.</summary>
    public const uint UsedBufferInterrupt = 1;

    /// <summary>Interrupt status: the configuration changed.</summary>
    public const uint ConfigChangeInterrupt = 2;

#pragma warning disable CS1591 // Register offsets are named after the specification's table 4.2.2.
    public const ulong MagicValueRegister = 0x000;
    public const ulong VersionRegister = 0x004;
    public const ulong DeviceIdRegister = 0x008;
    public const ulong VendorIdRegister = 0x00C;
    public const ulong DeviceFeaturesRegister = 0x010;
    public const ulong DeviceFeaturesSelectRegister = 0x014;
    public const ulong DriverFeaturesRegister = 0x020;
    public const ulong DriverFeaturesSelectRegister = 0x024;
    public const ulong QueueSelectRegister = 0x030;
    public const ulong QueueSizeMaxRegister = 0x034;
    public const ulong QueueSizeRegister = 0x038;
    public const ulong QueueReadyRegister = 0x044;
    public const ulong QueueNotifyRegister = 0x050;
    public const ulong InterruptStatusRegister = 0x060;
    public const ulong InterruptAckRegister = 0x064;
    public const ulong StatusRegister = 0x070;
    public const ulong QueueDescriptorLowRegister = 0x080;
    public const ulong QueueDescriptorHighRegister = 0x084;
    public const ulong QueueDriverLowRegister = 0x090;
    public const ulong QueueDriverHighRegister = 0x094;
    public const ulong QueueDeviceLowRegister = 0x0A0;
    public const ulong QueueDeviceHighRegister = 0x0A4;
    public const ulong ConfigGenerationRegister = 0x0FC;
    public const ulong ConfigSpace = 0x100;
#pragma warning restore CS1591

    private readonly object _lock = new();
    private readonly IVirtioDevice _device;
    private readonly GuestMemory _memory;
    private readonly IInterruptLine _interrupt;
    private readonly QueueRegisters[] _queues;
    private uint _deviceFeaturesSelect;
    private uint _driverFeaturesSelect;
    private ulong _driverFeatures;
    private uint _queueSelect;
    private uint _interruptStatus;
    private VirtioStatus _status;

    /// <summary>Initializes a new instance of the <see cref="VirtioMmioTransport"/> class.</summary>
    /// <param name="device">The device behind the transport.</param>
    /// <param name="memory">Guest memory, where the driver places the queues.</param>
    /// <param name="interrupt">The transport's interrupt line.</param>
    public VirtioMmioTransport(IVirtioDevice device, GuestMemory memory, IInterruptLine interrupt)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(memory);
        ArgumentNullException.ThrowIfNull(interrupt);
        _device = device;
        _memory = memory;
        _interrupt = interrupt;
        _queues = new QueueRegisters[device.QueueCount];
        for (var index = 0; index < _queues.Length; index++)
        {
            _queues[index] = new QueueRegisters();
        }
    }

    /// <summary>Gets the device status the driver has reached.</summary>
    public VirtioStatus Status
    {
        get
        {
            lock (_lock)
            {
                return _status;
            }
        }
    }

    /// <summary>Gets the features the driver accepted.</summary>
    public ulong DriverFeatures
    {
        get
        {
            lock (_lock)
            {
                return _driverFeatures;
            }
        }
    }

    /// <summary>Raises the used-buffer interrupt; called by the device from any thread.</summary>
    public void SignalUsedBuffers()
    {
        lock (_lock)
        {
            _interruptStatus |= UsedBufferInterrupt;
            _interrupt.Set(true);
        }
    }

    /// <inheritdoc/>
    public void Read(ulong offset, Span<byte> data)
    {
        data.Clear();
        if (offset >= ConfigSpace)
        {
            _device.ReadConfig(offset - ConfigSpace, data);
            return;
        }

        if (data.Length != 4)
        {
            return;
        }

        lock (_lock)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(data, ReadRegister(offset));
        }
    }

    /// <inheritdoc/>
    public void Write(ulong offset, ReadOnlySpan<byte> data)
    {
        if (offset >= ConfigSpace || data.Length != 4)
        {
            return;
        }

        var value = BinaryPrimitives.ReadUInt32LittleEndian(data);
        int? notify = null;
        lock (_lock)
        {
            if (offset == QueueNotifyRegister)
            {
                if ((_status & VirtioStatus.DriverOk) != 0 && value < (uint)_queues.Length && _queues[value].Ready)
                {
                    notify = (int)value;
                }
            }
            else
            {
                WriteRegister(offset, value);
            }
        }

        if (notify is { } queue)
        {
            _device.Notify(queue);
        }
    }

    private QueueRegisters? SelectedQueue => _queueSelect < (uint)_queues.Length ? _queues[_queueSelect] : null;

    private uint ReadRegister(ulong offset) => offset switch
    {
        MagicValueRegister => MagicValue,
        VersionRegister => Version,
        DeviceIdRegister => _device.DeviceId,
        VendorIdRegister => VendorId,
        DeviceFeaturesRegister => _deviceFeaturesSelect switch
        {
            0 => (uint)_device.Features,
            1 => (uint)(_device.Features >> 32),
            _ => 0,
        },
        QueueSizeMaxRegister => SelectedQueue is null ? 0u : _device.MaxQueueSize,
        QueueReadyRegister => SelectedQueue is { Ready: true } ? 1u : 0u,
        InterruptStatusRegister => _interruptStatus,
        StatusRegister => (uint)_status,
        ConfigGenerationRegister => 0,
        _ => 0,
    };

    private void WriteRegister(ulong offset, uint value)
    {
        var queue = SelectedQueue;
        var queueWritable = queue is { Ready: false } && (_status & VirtioStatus.DriverOk) == 0;
        switch (offset)
        {
            case DeviceFeaturesSelectRegister:
                _deviceFeaturesSelect = value;
                break;
            case DriverFeaturesSelectRegister:
                _driverFeaturesSelect = value;
                break;
            case DriverFeaturesRegister when (_status & VirtioStatus.FeaturesOk) == 0 && _driverFeaturesSelect < 2:
                var shift = 32 * (int)_driverFeaturesSelect;
                _driverFeatures = (_driverFeatures & ~(0xFFFF_FFFFUL << shift)) | ((ulong)value << shift);
                break;
            case QueueSelectRegister:
                _queueSelect = value;
                break;
            case QueueSizeRegister when queueWritable:
                queue!.Size = value;
                break;
            case QueueReadyRegister when queue is not null:
                SetQueueReady(queue, value == 1);
                break;
            case InterruptAckRegister:
                _interruptStatus &= ~value;
                if (_interruptStatus == 0)
                {
                    _interrupt.Set(false);
                }

                break;
            case StatusRegister:
                WriteStatus((VirtioStatus)value);
                break;
            case QueueDescriptorLowRegister when queueWritable:
                queue!.Descriptors = Low(queue.Descriptors, value);
                break;
            case QueueDescriptorHighRegister when queueWritable:
                queue!.Descriptors = High(queue.Descriptors, value);
                break;
            case QueueDriverLowRegister when queueWritable:
                queue!.Driver = Low(queue.Driver, value);
                break;
            case QueueDriverHighRegister when queueWritable:
                queue!.Driver = High(queue.Driver, value);
                break;
            case QueueDeviceLowRegister when queueWritable:
                queue!.Device = Low(queue.Device, value);
                break;
            case QueueDeviceHighRegister when queueWritable:
                queue!.Device = High(queue.Device, value);
                break;
            default:
                break;
        }
    }

    private void SetQueueReady(QueueRegisters queue, bool ready)
    {
        if (!ready)
        {
            queue.Ready = false;
            return;
        }

        if ((_status & VirtioStatus.DriverOk) != 0 || queue.Size == 0 || queue.Size > _device.MaxQueueSize)
        {
            return;
        }

        var candidate = new SplitVirtqueue(_memory, (ushort)queue.Size, queue.Descriptors, queue.Driver, queue.Device);
        queue.Ready = candidate.IsWellPlaced();
    }

    private void WriteStatus(VirtioStatus value)
    {
        if (value == VirtioStatus.None)
        {
            Reset();
            return;
        }

        var added = value & ~_status;
        if ((added & VirtioStatus.FeaturesOk) != 0 && !FeaturesAcceptable())
        {
            value &= ~VirtioStatus.FeaturesOk;
        }

        _status = value;
        if ((added & VirtioStatus.DriverOk) != 0)
        {
            if ((_status & VirtioStatus.FeaturesOk) == 0)
            {
                _status |= VirtioStatus.DeviceNeedsReset;
                return;
            }

            var queues = _queues
                .Select(queue => queue.Ready ? new SplitVirtqueue(_memory, (ushort)queue.Size, queue.Descriptors, queue.Driver, queue.Device) : null)
                .ToArray();
            _device.Activate(_driverFeatures, queues, SignalUsedBuffers);
        }
    }

    private bool FeaturesAcceptable() =>
        (_driverFeatures & ~_device.Features) == 0 && (_driverFeatures & FeatureVersion1) != 0;

    private void Reset()
    {
        _device.Reset();
        _status = VirtioStatus.None;
        _driverFeatures = 0;
        _deviceFeaturesSelect = 0;
        _driverFeaturesSelect = 0;
        _queueSelect = 0;
        foreach (var queue in _queues)
        {
            queue.Clear();
        }

        if (_interruptStatus != 0)
        {
            _interruptStatus = 0;
            _interrupt.Set(false);
        }
    }

    private static ulong Low(ulong old, uint value) => (old & 0xFFFF_FFFF_0000_0000UL) | value;

    private static ulong High(ulong old, uint value) => (old & 0x0000_0000_FFFF_FFFFUL) | ((ulong)value << 32);

    private sealed class QueueRegisters
    {
        public uint Size { get; set; }

        public bool Ready { get; set; }

        public ulong Descriptors { get; set; }

        public ulong Driver { get; set; }

        public ulong Device { get; set; }

        public void Clear()
        {
            Size = 0;
            Ready = false;
            Descriptors = 0;
            Driver = 0;
            Device = 0;
        }
    }
}
