using System.Text;
using Pane.Runtime.Native.Console;

namespace Pane.Runtime.Native.Tests.Console;

public sealed class ConsoleTextTests
{
    public sealed class Push
    {
        [Fact]
        public void Strips_colour_title_and_carriage_returns_and_keeps_the_unterminated_rest()
        {
            // Given
            var text = new ConsoleText();

            // When
            var lines = text.Push(Encoding.UTF8.GetBytes("[\x1b[0;32m  OK  \x1b[0m] Mounted \x1b[0;1;39m/sysroot\x1b[0m.\r\n\x1b]0;title\aroot@pane:~# "));

            // Then
            Assert.Equal(["[  OK  ] Mounted /sysroot."], lines);
            Assert.Equal("root@pane:~# ", text.Pending);
        }

        [Fact]
        public void Decodes_UTF_8_split_across_chunks()
        {
            // Given
            var text = new ConsoleText();
            var bytes = Encoding.UTF8.GetBytes("né\n");

            // When
            var first = text.Push(bytes.AsSpan(0, 2));
            var second = text.Push(bytes.AsSpan(2));

            // Then
            Assert.Empty(first);
            Assert.Equal(["né"], second);
        }
    }
}
