using NSubstitute;
using Pane.Host.Machines;
using Pane.Platform;

namespace Pane.Host.Tests.Machines;

public sealed class MachineResourcesTests
{
    private const long MiB = 1024 * 1024;

    private static IHostPlatform Host(int logicalProcessors, long? memoryBytes)
    {
        var platform = Substitute.For<IHostPlatform>();
        platform.LogicalProcessorCount.Returns(logicalProcessors);
        platform.PhysicalMemoryBytes.Returns(memoryBytes);
        return platform;
    }

    public sealed class DefaultVirtualCpus
    {
        [Theory]
        [InlineData(1, 2)]
        [InlineData(2, 2)]
        [InlineData(6, 6)]
        [InlineData(8, 8)]
        [InlineData(64, 8)]
        public void Takes_the_logical_cores_between_two_and_eight(int logicalProcessors, int expected)
        {
            // Given
            var platform = Host(logicalProcessors, 16384 * MiB);

            // When
            var cpus = MachineResources.DefaultVirtualCpus(platform);

            // Then
            Assert.Equal(expected, cpus);
        }
    }

    public sealed class DefaultMemoryMiB
    {
        [Theory]
        [InlineData(2048L, 2048)]
        [InlineData(6144L, 3072)]
        [InlineData(24576L, 8192)]
        [InlineData(262144L, 8192)]
        public void Takes_half_the_memory_between_2048_and_8192_MiB(long physicalMiB, int expected)
        {
            // Given
            var platform = Host(4, physicalMiB * MiB);

            // When
            var memory = MachineResources.DefaultMemoryMiB(platform);

            // Then
            Assert.Equal(expected, memory);
        }

        [Fact]
        public void Takes_2048_MiB_when_the_host_does_not_say_how_much_it_has()
        {
            // Given
            var platform = Host(4, null);

            // When
            var memory = MachineResources.DefaultMemoryMiB(platform);

            // Then
            Assert.Equal(2048, memory);
        }
    }
}
