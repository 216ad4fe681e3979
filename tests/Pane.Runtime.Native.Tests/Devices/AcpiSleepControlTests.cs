using Pane.Runtime.Native.Devices;

namespace Pane.Runtime.Native.Tests.Devices;

public sealed class AcpiSleepControlTests
{
    public sealed class Write
    {
        [Fact]
        public void Powers_off_when_the_guest_enters_S5_as_Linux_writes_it()
        {
            // Given
            var powerOffs = 0;
            var control = new AcpiSleepControl(() => powerOffs++);

            // When
            control.Write(0, [(5 << 2) | (1 << 5)]);

            // Then
            Assert.Equal(1, powerOffs);
        }

        [Theory]
        [InlineData(0, (5 << 2))]
        [InlineData(0, (3 << 2) | (1 << 5))]
        [InlineData(1, (5 << 2) | (1 << 5))]
        [InlineData(0, 0)]
        public void Ignores_a_type_without_the_enable_bit_another_state_and_the_status_register(ulong offset, int value)
        {
            // Given
            var powerOffs = 0;
            var control = new AcpiSleepControl(() => powerOffs++);

            // When
            control.Write(offset, [(byte)value]);
            control.Write(0, []);

            // Then
            Assert.Equal(0, powerOffs);
        }
    }

    public sealed class Read
    {
        [Fact]
        public void Reads_both_registers_as_zero()
        {
            // Given
            var control = new AcpiSleepControl(() => { });
            var data = new byte[] { 0xFF, 0xFF };

            // When
            control.Read(0, data.AsSpan(0, 1));
            control.Read(1, data.AsSpan(1, 1));

            // Then
            Assert.Equal([0, 0], data);
        }
    }
}
