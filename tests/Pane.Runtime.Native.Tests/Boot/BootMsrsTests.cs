using Pane.Runtime.Native.Boot;

namespace Pane.Runtime.Native.Tests.Boot;

public sealed class BootMsrsTests
{
    public sealed class Entries
    {
        [Fact]
        public void Enable_fast_strings_and_write_back_MTRRs_and_clear_the_system_call_MSRs_each_once()
        {
            // Given // When
            var entries = BootMsrs.Entries.ToDictionary(entry => entry.Index, entry => entry.Value);

            // Then
            Assert.Equal(BootMsrs.Entries.Count, entries.Count);
            Assert.Equal(1UL, entries[0x1A0]);
            Assert.Equal(0x806UL, entries[0x2FF]);
            Assert.Equal(0UL, entries[0xC000_0082]);
            Assert.Equal(0UL, entries[0x10]);
        }
    }
}
