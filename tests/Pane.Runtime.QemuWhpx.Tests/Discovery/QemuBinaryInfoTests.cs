using Pane.Runtime.QemuWhpx.Discovery;

namespace Pane.Runtime.QemuWhpx.Tests.Discovery;

public sealed class QemuBinaryInfoTests
{
    public sealed class ParseAccelerators
    {
        [Theory]
        [InlineData("Accelerators supported in QEMU binary:\ntcg\nkvm\n", new[] { "kvm", "tcg" })]
        [InlineData("Accelerators supported in QEMU binary:\r\ntcg\r\nwhpx\r\n", new[] { "tcg", "whpx" })]
        [InlineData("Accelerators supported in QEMU binary:\nTCG\n\nxen\n", new[] { "tcg", "xen" })]
        public void Reads_one_accelerator_per_line_in_lower_case(string output, string[] expected)
        {
            // When
            var accelerators = QemuBinaryInfo.ParseAccelerators(output);

            // Then
            Assert.NotNull(accelerators);
            Assert.Equal(expected, accelerators.Order(StringComparer.Ordinal));
        }

        [Fact]
        public void Returns_null_when_the_heading_is_missing()
        {
            // When
            var accelerators = QemuBinaryInfo.ParseAccelerators("qemu-system-x86_64: -accel help: invalid option\n");

            // Then
            Assert.Null(accelerators);
        }
    }
}
