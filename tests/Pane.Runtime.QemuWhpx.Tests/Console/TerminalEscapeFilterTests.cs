using Pane.Runtime.QemuWhpx.Console;

namespace Pane.Runtime.QemuWhpx.Tests.Console;

public sealed class TerminalEscapeFilterTests
{
    public sealed class Filter
    {
        [Fact]
        public void Removes_the_colours_systemd_puts_inside_a_status_line()
        {
            // Given
            var filter = new TerminalEscapeFilter();

            // When
            var text = filter.Filter("[\u001b[0;32m  OK  \u001b[0m] Mounted \u001b[0;1;39m/home\u001b[0m.\r\n");

            // Then
            Assert.Equal("[  OK  ] Mounted /home.\n", text);
        }

        [Fact]
        public void Removes_a_sequence_split_across_two_chunks()
        {
            // Given
            var filter = new TerminalEscapeFilter();

            // When
            var first = filter.Filter("Reached target \u001b[0;1");
            var second = filter.Filter(";39mMulti-User System\u001b[0m.");

            // Then
            Assert.Equal("Reached target Multi-User System.", first + second);
        }

        [Theory]
        [InlineData("a\u001b]0;window title\u0007b", "ab")]
        [InlineData("a\u001b]8;;file:///x\u001b\\b", "ab")]
        [InlineData("a\u001bPq#0;2;0;0;0\u001b\\b", "ab")]
        [InlineData("a\u001b[6nb", "ab")]
        [InlineData("a\u001b7b\u001b8c", "abc")]
        [InlineData("a\u001b[?25lb\u001b[?25h", "ab")]
        public void Removes_osc_dcs_csi_and_two_byte_sequences(string input, string expected)
        {
            // Given
            var filter = new TerminalEscapeFilter();

            // When
            var text = filter.Filter(input);

            // Then
            Assert.Equal(expected, text);
        }

        [Fact]
        public void Keeps_plain_text_and_newlines_unchanged()
        {
            // Given
            var filter = new TerminalEscapeFilter();

            // When
            var text = filter.Filter("MARK-42\nroot@pane:~# ");

            // Then
            Assert.Equal("MARK-42\nroot@pane:~# ", text);
        }
    }
}
