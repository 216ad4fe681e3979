using System.Text.Json;
using Pane.Runtime.QemuWhpx.Machine;

namespace Pane.Runtime.QemuWhpx.Tests.Machine;

public sealed class VncAddressesTests
{
    public sealed class Parse
    {
        [Fact]
        public void Reads_the_rfb_and_websocket_ports_qemu_reports()
        {
            // Given
            using var reply = JsonDocument.Parse("""
                [{"auth": "vnc", "clients": [], "id": "default", "server": [
                  {"auth": "vnc", "family": "ipv4", "service": "43427", "host": "127.0.0.1", "websocket": true},
                  {"auth": "vnc", "family": "ipv4", "service": "5901", "host": "127.0.0.1", "websocket": false}]}]
                """);

            // When
            var addresses = VncAddresses.Parse(reply.RootElement);

            // Then
            Assert.Equal(new VncAddresses(5901, 43427), addresses);
            Assert.Equal("vnc://127.0.0.1:5901", addresses!.Endpoint);
            Assert.Equal("ws://127.0.0.1:43427", addresses.WebSocketEndpoint);
        }

        [Theory]
        [InlineData("""[{"server": [{"service": "5900", "host": "127.0.0.1", "websocket": false}]}]""")]
        [InlineData("""[{"server": [{"service": "5900", "host": "0.0.0.0", "websocket": false}, {"service": "5700", "host": "0.0.0.0", "websocket": true}]}]""")]
        [InlineData("""[{"server": [{"service": "x", "host": "127.0.0.1", "websocket": false}, {"service": "99999", "host": "127.0.0.1", "websocket": true}]}]""")]
        [InlineData("""[{"server": 3}, 4]""")]
        [InlineData("""{"server": []}""")]
        [InlineData("[]")]
        public void Says_nothing_without_a_loopback_rfb_and_websocket_port(string json)
        {
            // Given
            using var reply = JsonDocument.Parse(json);

            // When
            var addresses = VncAddresses.Parse(reply.RootElement);

            // Then
            Assert.Null(addresses);
        }
    }
}
