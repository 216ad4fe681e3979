using System.Buffers.Binary;
using Pane.Runtime.Native.Interrupts;

namespace Pane.Runtime.Native.Tests.Interrupts;

public sealed class LocalApicRegistersTests
{
    public sealed class WireLegacyInterrupts
    {
        [Fact]
        public void Makes_LINT0_ExtINT_and_LINT1_NMI_keeping_their_mask_and_the_other_registers()
        {
            // Given
            var page = new byte[LocalApicRegisters.Size];
            BinaryPrimitives.WriteUInt32LittleEndian(page.AsSpan(0x350), 0x0001_0000);
            BinaryPrimitives.WriteUInt32LittleEndian(page.AsSpan(0x360), 0x0001_0000);
            BinaryPrimitives.WriteUInt32LittleEndian(page.AsSpan(0x320), 0x0001_00EC);

            // When
            LocalApicRegisters.WireLegacyInterrupts(page);

            // Then
            Assert.Equal(0x0001_0700u, BinaryPrimitives.ReadUInt32LittleEndian(page.AsSpan(0x350)));
            Assert.Equal(0x0001_0400u, BinaryPrimitives.ReadUInt32LittleEndian(page.AsSpan(0x360)));
            Assert.Equal(0x0001_00ECu, BinaryPrimitives.ReadUInt32LittleEndian(page.AsSpan(0x320)));
        }

        [Fact]
        public void Refuses_a_page_shorter_than_the_register_page()
        {
            // Given // When // Then
            Assert.Throws<ArgumentException>(() => LocalApicRegisters.WireLegacyInterrupts(new byte[0x360]));
        }
    }
}
