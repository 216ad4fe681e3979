using Pane.Host.Guest;

namespace Pane.Host.Tests.Guest;

public sealed class KernelMessageFilterTests
{
    public sealed class Push
    {
        [Fact]
        public void Passes_a_shell_line_through_unchanged()
        {
            // Given
            var filter = new KernelMessageFilter();

            // When
            var line = filter.Push("Setting up xfce4 (4.18) ...", out var kernel);

            // Then
            Assert.Equal("Setting up xfce4 (4.18) ...", line);
            Assert.Null(kernel);
        }

        [Fact]
        public void Takes_out_a_whole_kernel_line()
        {
            // Given
            var filter = new KernelMessageFilter();

            // When
            var line = filter.Push("[    3.141593] virtio_net virtio0 enp0s2: renamed from eth0", out var kernel);

            // Then
            Assert.Null(line);
            Assert.Equal("virtio_net virtio0 enp0s2: renamed from eth0", kernel);
        }

        [Fact]
        public void Joins_the_halves_of_a_marker_that_a_kernel_message_split()
        {
            // Given
            var filter = new KernelMessageFilter();

            // When
            var first = filter.Push("PANE-END:0123[   12.345678] random: crng init done", out var kernel);
            var second = filter.Push("abcd:0", out _);

            // Then
            Assert.Null(first);
            Assert.Equal("random: crng init done", kernel);
            Assert.Equal("PANE-END:0123abcd:0", second);
        }

        [Fact]
        public void Leaves_brackets_that_are_not_a_kernel_timestamp()
        {
            // Given
            var filter = new KernelMessageFilter();

            // When
            var line = filter.Push("(12/258) installing [x] 1.0", out var kernel);

            // Then
            Assert.Equal("(12/258) installing [x] 1.0", line);
            Assert.Null(kernel);
        }
    }
}
