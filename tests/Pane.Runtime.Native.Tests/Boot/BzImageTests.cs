using System.Buffers.Binary;
using Pane.Runtime.Native.Boot;
using Pane.Tests.Fixtures;

namespace Pane.Runtime.Native.Tests.Boot;

public sealed class BzImageTests
{
    public sealed class Parse
    {
        [Fact]
        public void Reads_the_setup_header_of_a_synthetic_kernel()
        {
            // Given
            var image = SyntheticKernel.Build(setupSectors: 3);

            // When
            var kernel = BzImage.Parse(image);

            // Then
            Assert.Equal(0x020F, kernel.Protocol);
            Assert.Equal(4 * 512, kernel.SetupSize);
            Assert.Equal(0x3000, kernel.ProtectedModeKernel.Length);
            Assert.True(kernel.HasEntry64);
            Assert.True(kernel.IsRelocatable);
            Assert.Equal(2048u, kernel.CommandLineSize);
            Assert.Equal(0x100_0000UL, kernel.PreferredAddress);
            Assert.Equal("6.1.0-test-amd64", kernel.KernelVersion);
            Assert.Equal(0x202 + 0x66 - 0x1F1, kernel.SetupHeader.Length);
        }

        [Fact]
        public void Zero_setup_sectors_means_four()
        {
            // Given
            var image = SyntheticKernel.Build(setupSectors: 0);

            // When
            var kernel = BzImage.Parse(image);

            // Then
            Assert.Equal(5 * 512, kernel.SetupSize);
        }

        [Fact]
        public void Refuses_a_protocol_older_than_2_06()
        {
            // Given
            var image = SyntheticKernel.Build(protocol: 0x0205);

            // When
            var error = Assert.Throws<BootImageException>(() => BzImage.Parse(image));

            // Then
            Assert.Contains("2.5", error.Message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData(0)]
        [InlineData(100)]
        [InlineData(0x300)]
        public void Refuses_something_that_is_not_a_bzImage(int length)
        {
            // Given
            var image = new byte[length];

            // When // Then
            Assert.Throws<BootImageException>(() => BzImage.Parse(image));
        }

        [Fact]
        public void Refuses_setup_sectors_beyond_the_file()
        {
            // Given
            var image = SyntheticKernel.Build(setupSectors: 200, kernelSize: 16);
            Array.Resize(ref image, 0x400);

            // When // Then
            Assert.Throws<BootImageException>(() => BzImage.Parse(image));
        }

        [Fact]
        public void Refuses_a_zImage()
        {
            // Given
            var image = SyntheticKernel.Build();
            image[BzImage.LoadFlagsField] = 0;

            // When // Then
            Assert.Throws<BootImageException>(() => BzImage.Parse(image));
        }

        [Fact]
        public void Reads_the_fixture_s_Debian_kernel()
        {
            // Given
            var guest = GuestImage.Shared;
            var image = File.ReadAllBytes(guest.Kernel);

            // When
            var kernel = BzImage.Parse(image);

            // Then
            Assert.True(kernel.Protocol >= 0x020F, $"protocol 0x{kernel.Protocol:x}");
            Assert.True(kernel.HasEntry64);
            Assert.True(kernel.IsRelocatable);
            Assert.Matches(@"^\d+\.\d+\.\d+-\d+-amd64$", kernel.KernelVersion);
            Assert.Equal(image.Length - kernel.SetupSize, kernel.ProtectedModeKernel.Length);
            Assert.True(kernel.InitSize > (uint)kernel.ProtectedModeKernel.Length);
            Assert.Equal(0x5372_6448u, BinaryPrimitives.ReadUInt32LittleEndian(kernel.SetupHeader[(0x202 - 0x1F1)..]));
        }
    }
}
