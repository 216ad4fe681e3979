using Pane.Desktops;
using Pane.Host.DesktopInstall;
using Pane.Host.Guest;

namespace Pane.Host.Tests.DesktopInstall;

/// <summary>
/// The networking step of <see cref="DesktopScript"/> on a real shell, with the guest's route table, interfaces and
/// resolver configuration as files of the test's own: a minimal Debian image has no <c>ip</c> command, and its
/// systemd-networkd may still be waiting for its lease when the shell answers.
/// </summary>
public sealed class DesktopScriptNetworkStepTests
{
    private const string RouteHeader = "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT";

    /// <summary>The default route QEMU's user network gives, via 10.0.2.2 (in the kernel's little-endian hex).</summary>
    private const string DefaultRoute = "enp0s3\t00000000\t0202000A\t0003\t0\t0\t1024\t00000000\t0\t0\t0";

    private const string SubnetRoute = "enp0s3\t0002000A\t00000000\t0001\t0\t0\t1024\t00FFFFFF\t0\t0\t0";

    private static GuestStep NetworkStep()
    {
        var recipe = TestRecipes.Xfce();
        return DesktopScript.Build(recipe, DistributionFamily.Debian, null, TimeSpan.FromMinutes(5)).Steps[0];
    }

    private static (string Routes, string Resolver, string Calls) Guest(ScriptedGuest guest, params string[] routes)
    {
        var routeFile = guest.Redirect("/proc/net/route");
        File.WriteAllLines(routeFile, [RouteHeader, .. routes]);
        var interfaces = guest.Redirect("/sys/class/net");
        Directory.CreateDirectory(Path.Join(interfaces, "lo"));
        Directory.CreateDirectory(Path.Join(interfaces, "enp0s3", "device"));
        var resolver = guest.Redirect("/etc/resolv.conf");
        File.WriteAllText(resolver, "# no server yet\n");
        var calls = Path.Join(guest.Root, "calls");
        File.WriteAllText(calls, string.Empty);
        guest.Tool("ip", $"echo \"ip $*\" >> {calls}");
        guest.Tool("systemctl", $"echo \"systemctl $*\" >> {calls}\nexit 3");
        guest.Tool("dhclient", $"echo \"dhclient $*\" >> {calls}");
        return (routeFile, resolver, calls);
    }

    public sealed class Run
    {
        [Fact]
        public async Task Keeps_a_network_the_image_brought_up_and_names_its_gateway_without_the_ip_command()
        {
            // Given
            using var guest = new ScriptedGuest();
            var (_, resolver, calls) = Guest(guest, DefaultRoute, SubnetRoute);

            // When
            var result = await guest.RunAsync(NetworkStep());

            // Then
            Assert.True(result.ExitCode == 0, string.Join('\n', result.Output));
            Assert.Equal(["pane-net enp0s3 via 10.0.2.2"], result.Output);
            Assert.DoesNotContain("ip ", await File.ReadAllTextAsync(calls, TestContext.Current.CancellationToken), StringComparison.Ordinal);
            Assert.Equal("nameserver 10.0.2.3\n", await File.ReadAllTextAsync(resolver, TestContext.Current.CancellationToken));
        }

        [Fact]
        public async Task Waits_for_the_lease_of_the_images_own_network_service_before_it_asks_a_dhcp_client()
        {
            // Given
            using var guest = new ScriptedGuest();
            var (routes, _, calls) = Guest(guest, SubnetRoute);
            guest.Tool("systemctl", $"echo \"systemctl $*\" >> {calls}\nexit 0");
            guest.Tool("sleep", $"echo \"sleep $*\" >> {calls}\nprintf '%s\\n' '{DefaultRoute}' >> {routes}");

            // When
            var result = await guest.RunAsync(NetworkStep());

            // Then
            Assert.True(result.ExitCode == 0, string.Join('\n', result.Output));
            Assert.Equal(["pane-net enp0s3 via 10.0.2.2"], result.Output);
            var called = await File.ReadAllLinesAsync(calls, TestContext.Current.CancellationToken);
            Assert.Contains("systemctl is-active --quiet systemd-networkd NetworkManager dhcpcd", called);
            Assert.Contains("sleep 1", called);
            Assert.DoesNotContain(called, line => line.StartsWith("dhclient", StringComparison.Ordinal) || line.StartsWith("ip ", StringComparison.Ordinal));
        }

        [Fact]
        public async Task Asks_the_guests_dhcp_client_when_no_network_service_runs()
        {
            // Given
            using var guest = new ScriptedGuest();
            var (routes, _, calls) = Guest(guest);
            guest.Tool("dhclient", $"echo \"dhclient $*\" >> {calls}\nprintf '%s\\n' '{DefaultRoute}' >> {routes}");

            // When
            var result = await guest.RunAsync(NetworkStep());

            // Then
            Assert.True(result.ExitCode == 0, string.Join('\n', result.Output));
            var called = await File.ReadAllLinesAsync(calls, TestContext.Current.CancellationToken);
            Assert.Contains("ip link set dev enp0s3 up", called);
            Assert.Contains("dhclient -1 enp0s3", called);
            Assert.DoesNotContain(called, line => line.StartsWith("ip route add", StringComparison.Ordinal));
        }

        [Fact]
        public async Task Fails_naming_the_interface_when_neither_a_lease_nor_a_static_route_gives_a_default_route()
        {
            // Given
            using var guest = new ScriptedGuest();
            var (_, _, calls) = Guest(guest, SubnetRoute);

            // When
            var result = await guest.RunAsync(NetworkStep());

            // Then
            Assert.Equal(1, result.ExitCode);
            Assert.Equal(["pane: enp0s3 has no default route: no DHCP client got a lease, and there is no ip command to set one"], result.Output);
            Assert.Contains("ip route add default via 10.0.2.2 dev enp0s3", await File.ReadAllLinesAsync(calls, TestContext.Current.CancellationToken));
        }
    }
}
