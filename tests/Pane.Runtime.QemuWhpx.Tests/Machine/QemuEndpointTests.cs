using Pane.Runtime.QemuWhpx.Machine;

namespace Pane.Runtime.QemuWhpx.Tests.Machine;

public sealed class QemuEndpointTests
{
    public sealed class Parse
    {
        [Theory]
        [InlineData("unix:/run/user/1000/pane/qmp.sock")]
        [InlineData("tcp:127.0.0.1:4444")]
        public void Reads_back_what_ToString_wrote(string text)
        {
            // When
            var endpoint = QemuEndpoint.Parse(text);

            // Then
            Assert.Equal(text, endpoint.ToString());
        }

        [Theory]
        [InlineData("tcp:0.0.0.0:4444")]
        [InlineData("tcp:127.0.0.1:0")]
        [InlineData("tcp:127.0.0.1:70000")]
        [InlineData("unix:")]
        [InlineData("pipe:qmp")]
        public void Refuses_anything_but_a_socket_path_or_a_loopback_port(string text)
        {
            // When
            var error = Assert.Throws<FormatException>(() => QemuEndpoint.Parse(text));

            // Then
            Assert.Contains(text, error.Message, StringComparison.Ordinal);
        }
    }
}
