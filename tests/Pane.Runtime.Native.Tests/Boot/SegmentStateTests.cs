using Pane.Runtime.Native.Boot;

namespace Pane.Runtime.Native.Tests.Boot;

public sealed class SegmentStateTests
{
    public sealed class ToDescriptor
    {
        [Fact]
        public void Encodes_a_flat_64_bit_code_segment_as_the_well_known_descriptor()
        {
            // Given
            var code = new SegmentState(0x10, 0, 0xFFFF_FFFF, 0xB, true, true, false, true);

            // When // Then
            Assert.Equal(0x00AF_9B00_0000_FFFFUL, code.ToDescriptor());
        }

        [Fact]
        public void Encodes_a_flat_data_segment_as_the_well_known_descriptor()
        {
            // Given
            var data = new SegmentState(0x18, 0, 0xFFFF_FFFF, 0x3, true, false, true, true);

            // When // Then
            Assert.Equal(0x00CF_9300_0000_FFFFUL, data.ToDescriptor());
        }

        [Fact]
        public void Encodes_base_and_byte_granular_limit_of_a_system_segment()
        {
            // Given
            var task = new SegmentState(0x20, 0x1234_5678, 0x67, 0xB, false, false, false, false);

            // When // Then
            Assert.Equal(0x1200_8B34_5678_0067UL, task.ToDescriptor());
        }
    }
}
