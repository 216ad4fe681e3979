using System.Buffers.Binary;
using Pane.Runtime.Native.Virtio;

namespace Pane.Runtime.Native.Tests.Virtio;

/// <summary>The guest's 32-bit register accesses to a virtio-MMIO transport, and the driver's usual start-up.</summary>
internal static class MmioRegisters
{
    public static uint Read(VirtioMmioTransport transport, ulong offset)
    {
        var data = new byte[4];
        transport.Read(offset, data);
        return BinaryPrimitives.ReadUInt32LittleEndian(data);
    }

    public static void Write(VirtioMmioTransport transport, ulong offset, uint value)
    {
        var data = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(data, value);
        transport.Write(offset, data);
    }

    public static void Negotiate(VirtioMmioTransport transport, ulong features)
    {
        Write(transport, VirtioMmioTransport.StatusRegister, (uint)(VirtioStatus.Acknowledge | VirtioStatus.Driver));
        Write(transport, VirtioMmioTransport.DriverFeaturesSelectRegister, 0);
        Write(transport, VirtioMmioTransport.DriverFeaturesRegister, (uint)features);
        Write(transport, VirtioMmioTransport.DriverFeaturesSelectRegister, 1);
        Write(transport, VirtioMmioTransport.DriverFeaturesRegister, (uint)(features >> 32));
        Write(transport, VirtioMmioTransport.StatusRegister, (uint)(VirtioStatus.Acknowledge | VirtioStatus.Driver | VirtioStatus.FeaturesOk));
    }

    public static void SetUpQueue(VirtioMmioTransport transport, uint index, uint size, ulong descriptors, ulong driver, ulong device)
    {
        Write(transport, VirtioMmioTransport.QueueSelectRegister, index);
        Write(transport, VirtioMmioTransport.QueueSizeRegister, size);
        Write(transport, VirtioMmioTransport.QueueDescriptorLowRegister, (uint)descriptors);
        Write(transport, VirtioMmioTransport.QueueDescriptorHighRegister, (uint)(descriptors >> 32));
        Write(transport, VirtioMmioTransport.QueueDriverLowRegister, (uint)driver);
        Write(transport, VirtioMmioTransport.QueueDriverHighRegister, (uint)(driver >> 32));
        Write(transport, VirtioMmioTransport.QueueDeviceLowRegister, (uint)device);
        Write(transport, VirtioMmioTransport.QueueDeviceHighRegister, (uint)(device >> 32));
        Write(transport, VirtioMmioTransport.QueueReadyRegister, 1);
    }

    public static void DriverOk(VirtioMmioTransport transport) =>
        Write(transport, VirtioMmioTransport.StatusRegister, (uint)(VirtioStatus.Acknowledge | VirtioStatus.Driver | VirtioStatus.FeaturesOk | VirtioStatus.DriverOk));
}
