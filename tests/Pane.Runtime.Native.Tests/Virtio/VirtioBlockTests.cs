using System.Buffers.Binary;
using System.Text;
using Pane.Runtime.Native.Devices;
using Pane.Runtime.Native.Interrupts;
using Pane.Runtime.Native.Memory;
using Pane.Runtime.Native.Storage;
using Pane.Runtime.Native.Virtio;
using static Pane.Runtime.Native.Tests.Virtio.MmioRegisters;

namespace Pane.Runtime.Native.Tests.Virtio;

public sealed class VirtioBlockTests
{
    private const ushort Next = SplitVirtqueue.NextFlag;
    private const ushort Write = SplitVirtqueue.WriteFlag;
    private const ulong Header = 0x5000;
    private const ulong Data = 0x6000;
    private const ulong Status = 0x7000;

    private sealed class Line : IInterruptLine
    {
        public int Raised { get; private set; }

        public void Set(bool asserted)
        {
            if (asserted)
            {
                Raised++;
            }
        }
    }

    /// <summary>A block device behind a transport, started the way Linux's driver starts it, over a patterned disk.</summary>
    private sealed class Rig : IDisposable
    {
        public Rig(int sectors = 64, bool readOnly = true, ulong features = VirtioMmioTransport.FeatureVersion1 | VirtioBlock.FeatureFlush)
        {
            Memory = new GuestMemory(0x10000);
            Base = new byte[sectors * 512];
            for (var index = 0; index < Base.Length; index++)
            {
                Base[index] = (byte)(index / 512);
            }

            IBlockDevice disk = new StreamBlockDevice(new MemoryStream(Base, writable: false));
            Disk = readOnly ? disk : new CopyOnWriteBlockDevice(disk);
            Block = new VirtioBlock(Disk, Memory, InlineDeviceWorker.Instance, "pane-test-disk");
            Transport = new VirtioMmioTransport(Block, Memory, Interrupt);
            Driver = new QueueDriver(Memory);
            Negotiate(Transport, features);
            SetUpQueue(Transport, 0, Driver.Size, QueueDriver.Descriptors, QueueDriver.Available, QueueDriver.Used);
            DriverOk(Transport);
        }

        public GuestMemory Memory { get; }

        public byte[] Base { get; }

        public IBlockDevice Disk { get; }

        public VirtioBlock Block { get; }

        public Line Interrupt { get; } = new();

        public VirtioMmioTransport Transport { get; }

        public QueueDriver Driver { get; }

        public void Request(uint type, ulong sector, uint dataLength, bool dataWritable)
        {
            var header = new byte[16];
            BinaryPrimitives.WriteUInt32LittleEndian(header, type);
            BinaryPrimitives.WriteUInt64LittleEndian(header.AsSpan(8), sector);
            Memory.Write(Header, header);
            Memory.Write(Status, [0xFF]);
            if (dataLength == 0)
            {
                Driver.Descriptor(0, Header, 16, Next, next: 2);
            }
            else
            {
                Driver.Descriptor(0, Header, 16, Next, next: 1);
                Driver.Descriptor(1, Data, dataLength, (ushort)(Next | (dataWritable ? Write : 0)), next: 2);
            }

            Driver.Descriptor(2, Status, 1, Write);
            Driver.MakeAvailable(0);
            MmioRegisters.Write(Transport, VirtioMmioTransport.QueueNotifyRegister, 0);
        }

        public byte StatusByte => Memory.Slice(Status, 1)[0];

        public void Dispose()
        {
            Disk.Dispose();
            Memory.Dispose();
        }
    }

    public sealed class Configuration
    {
        [Fact]
        public void The_capacity_is_the_whole_disk_in_sectors()
        {
            // Given
            using var rig = new Rig(sectors: 200);
            var config = new byte[8];

            // When
            rig.Transport.Read(VirtioMmioTransport.ConfigSpace, config);

            // Then
            Assert.Equal(200UL, BinaryPrimitives.ReadUInt64LittleEndian(config));
        }

        [Fact]
        public void A_read_only_disk_offers_the_RO_feature_and_a_writable_one_does_not()
        {
            // Given
            using var readOnly = new Rig(readOnly: true);
            using var writable = new Rig(readOnly: false);

            // When // Then
            Assert.NotEqual(0UL, readOnly.Block.Features & VirtioBlock.FeatureReadOnly);
            Assert.Equal(0UL, writable.Block.Features & VirtioBlock.FeatureReadOnly);
            Assert.NotEqual(0UL, writable.Block.Features & VirtioMmioTransport.FeatureVersion1);
        }

        [Fact]
        public void Config_bytes_past_its_end_read_as_zero()
        {
            // Given
            using var rig = new Rig();
            var value = new byte[] { 1, 2, 3, 4 };

            // When
            rig.Transport.Read(VirtioMmioTransport.ConfigSpace + 0x80, value);

            // Then
            Assert.Equal(new byte[4], value);
        }
    }

    public sealed class Requests
    {
        [Fact]
        public void IN_reads_sectors_into_the_guest_and_reports_the_bytes_written()
        {
            // Given
            using var rig = new Rig();

            // When
            rig.Request(VirtioBlock.RequestIn, 3, 1024, dataWritable: true);

            // Then
            Assert.Equal(VirtioBlock.StatusOk, rig.StatusByte);
            Assert.True(rig.Memory.Slice(Data, 512).IndexOfAnyExcept((byte)3) < 0);
            Assert.True(rig.Memory.Slice(Data + 512, 512).IndexOfAnyExcept((byte)4) < 0);
            Assert.Equal((0u, 1025u), rig.Driver.UsedElement(0));
            Assert.Equal(1, rig.Interrupt.Raised);
        }

        [Fact]
        public void IN_past_the_end_of_the_disk_is_an_IO_error()
        {
            // Given
            using var rig = new Rig(sectors: 8);

            // When
            rig.Request(VirtioBlock.RequestIn, 7, 1024, dataWritable: true);

            // Then
            Assert.Equal(VirtioBlock.StatusIoError, rig.StatusByte);
            Assert.Equal((0u, 1u), rig.Driver.UsedElement(0));
        }

        [Fact]
        public void OUT_to_a_read_only_disk_is_an_IO_error()
        {
            // Given
            using var rig = new Rig(readOnly: true);

            // When
            rig.Request(VirtioBlock.RequestOut, 0, 512, dataWritable: false);

            // Then
            Assert.Equal(VirtioBlock.StatusIoError, rig.StatusByte);
        }

        [Fact]
        public void OUT_lands_in_the_overlay_reads_back_and_leaves_the_base_untouched()
        {
            // Given
            using var rig = new Rig(readOnly: false);
            rig.Memory.Slice(Data, 512).Fill(0xEE);

            // When
            rig.Request(VirtioBlock.RequestOut, 5, 512, dataWritable: false);
            var outStatus = rig.StatusByte;
            rig.Memory.Slice(Data, 512).Clear();
            rig.Request(VirtioBlock.RequestIn, 5, 512, dataWritable: true);

            // Then
            Assert.Equal(VirtioBlock.StatusOk, outStatus);
            Assert.Equal(VirtioBlock.StatusOk, rig.StatusByte);
            Assert.True(rig.Memory.Slice(Data, 512).IndexOfAnyExcept((byte)0xEE) < 0);
            Assert.True(rig.Base.AsSpan(5 * 512, 512).IndexOfAnyExcept((byte)5) < 0);
            Assert.Equal((0u, 1u), rig.Driver.UsedElement(0));
        }

        [Fact]
        public void FLUSH_succeeds()
        {
            // Given
            using var rig = new Rig(readOnly: false);

            // When
            rig.Request(VirtioBlock.RequestFlush, 0, 0, dataWritable: false);

            // Then
            Assert.Equal(VirtioBlock.StatusOk, rig.StatusByte);
        }

        [Fact]
        public void GET_ID_returns_the_identifier()
        {
            // Given
            using var rig = new Rig();

            // When
            rig.Request(VirtioBlock.RequestGetId, 0, 20, dataWritable: true);

            // Then
            Assert.Equal(VirtioBlock.StatusOk, rig.StatusByte);
            Assert.Equal("pane-test-disk", Encoding.ASCII.GetString(rig.Memory.Slice(Data, 20)).TrimEnd('\0'));
            Assert.Equal((0u, 21u), rig.Driver.UsedElement(0));
        }

        [Fact]
        public void An_unknown_request_type_is_unsupported()
        {
            // Given
            using var rig = new Rig();

            // When
            rig.Request(99, 0, 0, dataWritable: false);

            // Then
            Assert.Equal(VirtioBlock.StatusUnsupported, rig.StatusByte);
        }

        [Fact]
        public void A_transfer_that_is_not_whole_sectors_is_an_IO_error()
        {
            // Given
            using var rig = new Rig();

            // When
            rig.Request(VirtioBlock.RequestIn, 0, 100, dataWritable: true);

            // Then
            Assert.Equal(VirtioBlock.StatusIoError, rig.StatusByte);
        }

        [Fact]
        public void A_malformed_chain_is_completed_empty_and_the_next_request_is_served()
        {
            // Given
            using var rig = new Rig();
            rig.Driver.Descriptor(4, 0xFFFF_0000, 16);
            rig.Driver.MakeAvailable(4);

            // When
            rig.Request(VirtioBlock.RequestIn, 1, 512, dataWritable: true);

            // Then
            Assert.Equal(1, rig.Block.RefusedRequests);
            Assert.Equal((4u, 0u), rig.Driver.UsedElement(0));
            Assert.Equal((0u, 513u), rig.Driver.UsedElement(1));
            Assert.Equal(VirtioBlock.StatusOk, rig.StatusByte);
        }

        [Fact]
        public void A_header_split_across_descriptors_is_read_whole()
        {
            // Given
            using var rig = new Rig();
            var header = new byte[16];
            BinaryPrimitives.WriteUInt64LittleEndian(header.AsSpan(8), 2);
            rig.Memory.Write(Header, header.AsSpan(0, 4));
            rig.Memory.Write(Header + 0x100, header.AsSpan(4));
            rig.Driver.Descriptor(0, Header, 4, Next, next: 1);
            rig.Driver.Descriptor(1, Header + 0x100, 12, Next, next: 2);
            rig.Driver.Descriptor(2, Data, 512, (ushort)(Next | Write), next: 3);
            rig.Driver.Descriptor(3, Status, 1, Write);
            rig.Driver.MakeAvailable(0);

            // When
            MmioRegisters.Write(rig.Transport, VirtioMmioTransport.QueueNotifyRegister, 0);

            // Then
            Assert.Equal(VirtioBlock.StatusOk, rig.StatusByte);
            Assert.True(rig.Memory.Slice(Data, 512).IndexOfAnyExcept((byte)2) < 0);
        }

        [Fact]
        public void After_a_reset_notifications_do_nothing()
        {
            // Given
            using var rig = new Rig();
            MmioRegisters.Write(rig.Transport, VirtioMmioTransport.StatusRegister, 0);

            // When
            rig.Block.ProcessRequests();

            // Then
            Assert.Equal(0, rig.Driver.UsedIndex);
        }
    }
}
