using Pane.Runtime.Native.Interrupts;
using Pane.Runtime.Native.Memory;
using Pane.Runtime.Native.Virtio;
using static Pane.Runtime.Native.Tests.Virtio.MmioRegisters;

namespace Pane.Runtime.Native.Tests.Virtio;

public sealed class VirtioMmioTransportTests
{
    private const ulong Offered = VirtioMmioTransport.FeatureVersion1 | (1UL << 9) | (1UL << 5);

    private static FakeVirtioDevice Device() => new() { Features = Offered };

    public sealed class Identification
    {
        [Fact]
        public void Reports_the_magic_value_version_2_and_the_device_id()
        {
            // Given
            using var memory = new GuestMemory(0x10000);
            var transport = new VirtioMmioTransport(Device(), memory, Substitute.For<IInterruptLine>());

            // When // Then
            Assert.Equal(0x7472_6976u, Read(transport, VirtioMmioTransport.MagicValueRegister));
            Assert.Equal(2u, Read(transport, VirtioMmioTransport.VersionRegister));
            Assert.Equal(2u, Read(transport, VirtioMmioTransport.DeviceIdRegister));
            Assert.Equal(256u, Read(transport, VirtioMmioTransport.QueueSizeMaxRegister));
        }

        [Fact]
        public void Offers_its_features_in_two_32_bit_halves()
        {
            // Given
            using var memory = new GuestMemory(0x10000);
            var transport = new VirtioMmioTransport(Device(), memory, Substitute.For<IInterruptLine>());

            // When
            Write(transport, VirtioMmioTransport.DeviceFeaturesSelectRegister, 0);
            var low = Read(transport, VirtioMmioTransport.DeviceFeaturesRegister);
            Write(transport, VirtioMmioTransport.DeviceFeaturesSelectRegister, 1);
            var high = Read(transport, VirtioMmioTransport.DeviceFeaturesRegister);
            Write(transport, VirtioMmioTransport.DeviceFeaturesSelectRegister, 2);
            var beyond = Read(transport, VirtioMmioTransport.DeviceFeaturesRegister);

            // Then
            Assert.Equal(unchecked((uint)Offered), low);
            Assert.Equal(1u, high);
            Assert.Equal(0u, beyond);
        }

        [Fact]
        public void A_queue_that_does_not_exist_has_no_size()
        {
            // Given
            using var memory = new GuestMemory(0x10000);
            var transport = new VirtioMmioTransport(Device(), memory, Substitute.For<IInterruptLine>());

            // When
            Write(transport, VirtioMmioTransport.QueueSelectRegister, 1);

            // Then
            Assert.Equal(0u, Read(transport, VirtioMmioTransport.QueueSizeMaxRegister));
        }
    }

    public sealed class FeatureNegotiation
    {
        [Fact]
        public void Keeps_FEATURES_OK_for_a_subset_with_VERSION_1()
        {
            // Given
            using var memory = new GuestMemory(0x10000);
            var transport = new VirtioMmioTransport(Device(), memory, Substitute.For<IInterruptLine>());

            // When
            Negotiate(transport, VirtioMmioTransport.FeatureVersion1 | (1UL << 9));

            // Then
            Assert.True(transport.Status.HasFlag(VirtioStatus.FeaturesOk));
            Assert.Equal(VirtioMmioTransport.FeatureVersion1 | (1UL << 9), transport.DriverFeatures);
        }

        [Theory]
        [InlineData(1UL << 9)]
        [InlineData(VirtioMmioTransport.FeatureVersion1 | (1UL << 3))]
        public void Clears_FEATURES_OK_for_a_feature_not_offered_or_without_VERSION_1(ulong features)
        {
            // Given
            using var memory = new GuestMemory(0x10000);
            var transport = new VirtioMmioTransport(Device(), memory, Substitute.For<IInterruptLine>());

            // When
            Negotiate(transport, features);

            // Then
            Assert.False(transport.Status.HasFlag(VirtioStatus.FeaturesOk));
            Assert.Equal((uint)(VirtioStatus.Acknowledge | VirtioStatus.Driver), Read(transport, VirtioMmioTransport.StatusRegister));
        }

        [Fact]
        public void Driver_features_are_frozen_once_FEATURES_OK_is_set()
        {
            // Given
            using var memory = new GuestMemory(0x10000);
            var transport = new VirtioMmioTransport(Device(), memory, Substitute.For<IInterruptLine>());
            Negotiate(transport, VirtioMmioTransport.FeatureVersion1);

            // When
            Write(transport, VirtioMmioTransport.DriverFeaturesSelectRegister, 0);
            Write(transport, VirtioMmioTransport.DriverFeaturesRegister, 1u << 9);

            // Then
            Assert.Equal(VirtioMmioTransport.FeatureVersion1, transport.DriverFeatures);
        }
    }

    public sealed class StatusMachine
    {
        [Fact]
        public void DRIVER_OK_activates_the_device_with_its_ready_queues_and_features()
        {
            // Given
            using var memory = new GuestMemory(0x10000);
            var device = Device();
            var transport = new VirtioMmioTransport(device, memory, Substitute.For<IInterruptLine>());
            Negotiate(transport, VirtioMmioTransport.FeatureVersion1);
            SetUpQueue(transport, 0, 128, 0x1000, 0x2000, 0x3000);

            // When
            DriverOk(transport);

            // Then
            var (features, queues) = Assert.Single(device.Activations);
            Assert.Equal(VirtioMmioTransport.FeatureVersion1, features);
            var queue = Assert.Single(queues);
            Assert.Equal(128, queue!.Size);
            Assert.Equal(0x3000UL, queue.UsedRing);
            Assert.Equal(1u, Read(transport, VirtioMmioTransport.QueueReadyRegister));
        }

        [Fact]
        public void DRIVER_OK_without_FEATURES_OK_asks_for_a_reset_and_activates_nothing()
        {
            // Given
            using var memory = new GuestMemory(0x10000);
            var device = Device();
            var transport = new VirtioMmioTransport(device, memory, Substitute.For<IInterruptLine>());

            // When
            Write(transport, VirtioMmioTransport.StatusRegister, (uint)(VirtioStatus.Acknowledge | VirtioStatus.Driver | VirtioStatus.DriverOk));

            // Then
            Assert.True(transport.Status.HasFlag(VirtioStatus.DeviceNeedsReset));
            Assert.Empty(device.Activations);
        }

        [Fact]
        public void Writing_zero_resets_the_device_and_every_register()
        {
            // Given
            using var memory = new GuestMemory(0x10000);
            var device = Device();
            var transport = new VirtioMmioTransport(device, memory, Substitute.For<IInterruptLine>());
            Negotiate(transport, VirtioMmioTransport.FeatureVersion1);
            SetUpQueue(transport, 0, 128, 0x1000, 0x2000, 0x3000);
            DriverOk(transport);

            // When
            Write(transport, VirtioMmioTransport.StatusRegister, 0);

            // Then
            Assert.Equal(1, device.Resets);
            Assert.Equal(0u, Read(transport, VirtioMmioTransport.StatusRegister));
            Assert.Equal(0UL, transport.DriverFeatures);
            Assert.Equal(0u, Read(transport, VirtioMmioTransport.QueueReadyRegister));
        }
    }

    public sealed class QueueSetup
    {
        [Theory]
        [InlineData(0U, 0x3000UL)]
        [InlineData(512U, 0x3000UL)]
        [InlineData(100U, 0x3000UL)]
        [InlineData(128U, 0xFF00UL)]
        [InlineData(128U, 0x1_0000_3000UL)]
        public void A_queue_with_a_bad_size_or_rings_outside_memory_does_not_become_ready(uint size, ulong used)
        {
            // Given
            using var memory = new GuestMemory(0x10000);
            var transport = new VirtioMmioTransport(Device(), memory, Substitute.For<IInterruptLine>());
            Negotiate(transport, VirtioMmioTransport.FeatureVersion1);

            // When
            SetUpQueue(transport, 0, size, 0x1000, 0x2000, used);

            // Then
            Assert.Equal(0u, Read(transport, VirtioMmioTransport.QueueReadyRegister));
        }

        [Fact]
        public void A_notification_reaches_the_device_only_for_a_ready_queue_after_DRIVER_OK()
        {
            // Given
            using var memory = new GuestMemory(0x10000);
            var device = Device();
            var transport = new VirtioMmioTransport(device, memory, Substitute.For<IInterruptLine>());
            Negotiate(transport, VirtioMmioTransport.FeatureVersion1);
            SetUpQueue(transport, 0, 128, 0x1000, 0x2000, 0x3000);
            Write(transport, VirtioMmioTransport.QueueNotifyRegister, 0);

            // When
            DriverOk(transport);
            Write(transport, VirtioMmioTransport.QueueNotifyRegister, 0);
            Write(transport, VirtioMmioTransport.QueueNotifyRegister, 7);

            // Then
            Assert.Equal([0], device.Notifications);
        }
    }

    public sealed class Interrupts
    {
        [Fact]
        public void A_used_buffer_sets_the_status_and_raises_the_line_until_acknowledged()
        {
            // Given
            using var memory = new GuestMemory(0x10000);
            var line = Substitute.For<IInterruptLine>();
            var transport = new VirtioMmioTransport(Device(), memory, line);

            // When
            transport.SignalUsedBuffers();
            var status = Read(transport, VirtioMmioTransport.InterruptStatusRegister);
            Write(transport, VirtioMmioTransport.InterruptAckRegister, status);

            // Then
            Assert.Equal(VirtioMmioTransport.UsedBufferInterrupt, status);
            Assert.Equal(0u, Read(transport, VirtioMmioTransport.InterruptStatusRegister));
            Received.InOrder(() =>
            {
                line.Set(true);
                line.Set(false);
            });
        }

        [Fact]
        public void Acknowledging_another_bit_keeps_the_line_up()
        {
            // Given
            using var memory = new GuestMemory(0x10000);
            var line = Substitute.For<IInterruptLine>();
            var transport = new VirtioMmioTransport(Device(), memory, line);
            transport.SignalUsedBuffers();

            // When
            Write(transport, VirtioMmioTransport.InterruptAckRegister, VirtioMmioTransport.ConfigChangeInterrupt);

            // Then
            line.DidNotReceive().Set(false);
            Assert.Equal(VirtioMmioTransport.UsedBufferInterrupt, Read(transport, VirtioMmioTransport.InterruptStatusRegister));
        }
    }

    public sealed class ConfigSpace
    {
        [Fact]
        public void Reads_at_0x100_and_above_come_from_the_device_at_any_width()
        {
            // Given
            using var memory = new GuestMemory(0x10000);
            var device = Device();
            var transport = new VirtioMmioTransport(device, memory, Substitute.For<IInterruptLine>());

            // When
            var value = new byte[2];
            transport.Read(VirtioMmioTransport.ConfigSpace + 4, value);

            // Then
            Assert.Equal((4UL, 2), Assert.Single(device.ConfigReads));
            Assert.Equal(new byte[] { 0x77, 0x77 }, value);
        }
    }
}
