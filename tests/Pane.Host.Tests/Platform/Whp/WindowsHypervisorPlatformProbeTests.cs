using Pane.Host.Platform.Whp;
using Pane.Platform;

namespace Pane.Host.Tests.Platform.Whp;

public sealed class WindowsHypervisorPlatformProbeTests
{
    public sealed class Probe
    {
        private readonly IWindowsHypervisorPlatformApi _api = Substitute.For<IWindowsHypervisorPlatformApi>();

        [Fact]
        public void Refuses_on_another_operating_system_without_calling_windows()
        {
            // Given
            var probe = new WindowsHypervisorPlatformProbe(_api, isWindows: false);

            // When
            var status = probe.Probe();

            // Then
            Assert.False(status.IsUsable);
            Assert.Equal(HypervisorKind.WindowsHypervisorPlatform, status.Kind);
            Assert.Contains("not Windows", status.Reason, StringComparison.Ordinal);
            Assert.Empty(_api.ReceivedCalls());
        }

        [Fact]
        public void Says_the_windows_feature_is_off_when_the_library_is_missing()
        {
            // Given
            _api.IsPlatformLibraryPresent().Returns(false);
            var probe = new WindowsHypervisorPlatformProbe(_api, isWindows: true);

            // When
            var status = probe.Probe();

            // Then
            Assert.False(status.IsUsable);
            Assert.Equal("The Windows feature 'Windows Hypervisor Platform' is not enabled (WinHvPlatform.dll is missing).", status.Reason);
            Assert.Contains("HypervisorPlatform", status.Remedy, StringComparison.Ordinal);
            _api.DidNotReceive().GetHypervisorPresent(out Arg.Any<bool>());
        }

        [Fact]
        public void Accepts_a_present_hypervisor()
        {
            // Given
            _api.IsPlatformLibraryPresent().Returns(true);
            _api.GetHypervisorPresent(out Arg.Any<bool>()).Returns(call =>
            {
                call[0] = true;
                return 0;
            });
            var probe = new WindowsHypervisorPlatformProbe(_api, isWindows: true);

            // When
            var status = probe.Probe();

            // Then
            Assert.True(status.IsUsable);
            Assert.Null(status.Reason);
        }

        [Fact]
        public void Tells_to_start_the_hypervisor_when_the_firmware_allows_it()
        {
            // Given
            _api.IsPlatformLibraryPresent().Returns(true);
            _api.GetHypervisorPresent(out Arg.Any<bool>()).Returns(call =>
            {
                call[0] = false;
                return 0;
            });
            _api.IsVirtualizationEnabledInFirmware().Returns(true);
            var probe = new WindowsHypervisorPlatformProbe(_api, isWindows: true);

            // When
            var status = probe.Probe();

            // Then
            Assert.False(status.IsUsable);
            Assert.Equal("The 'Windows Hypervisor Platform' feature is enabled but no hypervisor is running.", status.Reason);
            Assert.StartsWith("Run 'bcdedit /set hypervisorlaunchtype auto'", status.Remedy, StringComparison.Ordinal);
        }

        [Fact]
        public void Tells_to_enable_virtualization_in_the_firmware_when_it_is_off()
        {
            // Given
            _api.IsPlatformLibraryPresent().Returns(true);
            _api.GetHypervisorPresent(out Arg.Any<bool>()).Returns(call =>
            {
                call[0] = false;
                return 0;
            });
            _api.IsVirtualizationEnabledInFirmware().Returns(false);
            var probe = new WindowsHypervisorPlatformProbe(_api, isWindows: true);

            // When
            var status = probe.Probe();

            // Then
            Assert.False(status.IsUsable);
            Assert.Contains("disabled in the firmware", status.Reason, StringComparison.Ordinal);
            Assert.StartsWith("Enable Intel VT-x or AMD-V", status.Remedy, StringComparison.Ordinal);
        }

        [Fact]
        public void Quotes_the_hresult_of_a_failed_call()
        {
            // Given
            _api.IsPlatformLibraryPresent().Returns(true);
            _api.GetHypervisorPresent(out Arg.Any<bool>()).Returns(unchecked((int)0x80070005));
            var probe = new WindowsHypervisorPlatformProbe(_api, isWindows: true);

            // When
            var status = probe.Probe();

            // Then
            Assert.False(status.IsUsable);
            Assert.Equal("WHvGetCapability failed with HRESULT 0x80070005.", status.Reason);
        }

        [Fact]
        public void Tells_to_update_a_windows_whose_library_lacks_the_call()
        {
            // Given
            _api.IsPlatformLibraryPresent().Returns(true);
            _api.GetHypervisorPresent(out Arg.Any<bool>()).Returns(_ => throw new EntryPointNotFoundException());
            var probe = new WindowsHypervisorPlatformProbe(_api, isWindows: true);

            // When
            var status = probe.Probe();

            // Then
            Assert.False(status.IsUsable);
            Assert.Contains("older than Windows 10 version 1803", status.Reason, StringComparison.Ordinal);
            Assert.StartsWith("Update Windows", status.Remedy, StringComparison.Ordinal);
        }
    }
}
