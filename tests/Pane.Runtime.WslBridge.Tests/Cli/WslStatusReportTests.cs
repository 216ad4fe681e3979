using Pane.Runtime.WslBridge.Cli;

namespace Pane.Runtime.WslBridge.Tests.Cli;

public sealed class WslStatusReportTests
{
    public sealed class Parse
    {
        [Fact]
        public void Reads_the_Store_WSL_status()
        {
            // When
            var report = WslStatusReport.Parse(WslOutput.Decode(WslSamples.Utf16(WslSamples.StoreStatus)));

            // Then
            Assert.Equal(new WslStatusReport("Ubuntu", 2, null, false, false, "Default Distribution: Ubuntu"), report);
        }

        [Fact]
        public void Reads_the_kernel_version_the_built_in_WSL_prints_in_its_status()
        {
            // When
            var report = WslStatusReport.Parse(WslOutput.Decode(WslSamples.Utf16(WslSamples.InboxStatus)));

            // Then
            Assert.Equal("Ubuntu-22.04", report.DefaultDistribution);
            Assert.Equal(2, report.DefaultVersion);
            Assert.Equal("5.10.102.1", report.KernelVersion);
        }

        [Fact]
        public void Recognizes_a_Windows_without_WSL()
        {
            // When
            var report = WslStatusReport.Parse(WslOutput.Decode(WslSamples.Utf16(WslSamples.NotInstalled)));

            // Then
            Assert.True(report.IsNotInstalled);
            Assert.Null(report.DefaultVersion);
        }

        [Theory]
        [InlineData(WslSamples.VirtualizationOff)]
        [InlineData(WslSamples.VirtualizationOffGerman)]
        public void Recognizes_a_disabled_Virtual_Machine_Platform_in_any_language(string output)
        {
            // When
            var report = WslStatusReport.Parse(WslOutput.Decode(WslSamples.Utf16(output)));

            // Then
            Assert.True(report.IsVirtualizationOff);
            Assert.False(report.IsNotInstalled);
        }

        [Fact]
        public void Reads_default_version_1()
        {
            // When
            var report = WslStatusReport.Parse(WslOutput.Decode(WslSamples.Utf8(WslSamples.DefaultVersionOne)));

            // Then
            Assert.Equal(1, report.DefaultVersion);
        }

        [Fact]
        public void A_default_version_that_is_not_a_number_is_unknown()
        {
            // When
            var report = WslStatusReport.Parse("Default Version: two\n");

            // Then
            Assert.Null(report.DefaultVersion);
        }
    }
}
