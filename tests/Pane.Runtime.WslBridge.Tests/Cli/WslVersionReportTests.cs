using Pane.Runtime.WslBridge.Cli;

namespace Pane.Runtime.WslBridge.Tests.Cli;

public sealed class WslVersionReportTests
{
    public sealed class Parse
    {
        [Fact]
        public void Reads_the_Store_WSL_versions()
        {
            // When
            var report = WslVersionReport.Parse(WslOutput.Decode(WslSamples.Utf16(WslSamples.StoreVersion)));

            // Then
            Assert.Equal(new WslVersionReport("2.0.9.0", "5.15.133.1-1", "1.0.59", "10.0.22631.2715", false), report);
        }

        [Fact]
        public void Reads_the_versions_of_a_translated_output_by_their_order()
        {
            // When
            var report = WslVersionReport.Parse(WslOutput.Decode(WslSamples.Utf16WithBom(WslSamples.GermanVersion)));

            // Then
            Assert.Equal("2.3.26.0", report.WslVersion);
            Assert.Equal("5.15.167.4-1", report.KernelVersion);
        }

        [Fact]
        public void Finds_no_version_in_the_usage_text_of_the_built_in_WSL()
        {
            // When
            var report = WslVersionReport.Parse(WslOutput.Decode(WslSamples.Utf16(WslSamples.InboxVersion)));

            // Then
            Assert.Equal(new WslVersionReport(null, null, null, null, false), report);
        }

        [Fact]
        public void Recognizes_a_Windows_without_WSL()
        {
            // When
            var report = WslVersionReport.Parse(WslOutput.Decode(WslSamples.Utf16(WslSamples.NotInstalled)));

            // Then
            Assert.True(report.IsNotInstalled);
        }
    }
}
