using Pane.Host.Platform;
using Pane.Host.Platform.Facts;
using Pane.Platform;

namespace Pane.Host.Tests.Platform.Facts;

public sealed class HostFactsCollectorTests
{
    public sealed class Collect : IDisposable
    {
        private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("pane-facts-");

        public void Dispose() => _folder.Delete(recursive: true);

        private string WriteCpuInfo(string flags)
        {
            var path = Path.Combine(_folder.FullName, "cpuinfo");
            File.WriteAllText(path, $"processor\t: 0\nmodel name\t: Test CPU\nflags\t\t: {flags}\n");
            return path;
        }

        private static IHostPlatform Linux(long? memory = 16L << 30)
        {
            var platform = Substitute.For<IHostPlatform>();
            platform.OperatingSystem.Returns(HostOperatingSystem.Linux);
            platform.LogicalProcessorCount.Returns(8);
            platform.PhysicalMemoryBytes.Returns(memory);
            return platform;
        }

        [Fact]
        public void Creates_a_missing_pane_home_and_finds_it_writable()
        {
            // Given
            var home = Path.Combine(_folder.FullName, "home", "pane");
            var collector = new HostFactsCollector(new HostPlatform());

            // When
            var facts = collector.Collect(home);

            // Then
            Assert.True(facts.PaneHomeWritable);
            Assert.True(Directory.Exists(home));
            Assert.Empty(Directory.EnumerateFileSystemEntries(home));
            Assert.DoesNotContain(facts.Problems, problem => problem.Subject == "pane-home");
            Assert.NotNull(facts.FreeDiskBytes);
        }

        [Fact]
        public void Reports_a_pane_home_that_cannot_be_created_with_a_remedy()
        {
            // Given: a folder under a regular file, which not even root can create.
            var file = Path.Combine(_folder.FullName, "a-file");
            File.WriteAllText(file, "not a folder");
            var home = Path.Combine(file, "pane");
            var collector = new HostFactsCollector(new HostPlatform());

            // When
            var facts = collector.Collect(home);

            // Then
            Assert.False(facts.PaneHomeWritable);
            var problem = Assert.Single(facts.Problems, problem => problem.Subject == "pane-home");
            Assert.StartsWith($"PANE_HOME ({home}) is not writable: ", problem.Message, StringComparison.Ordinal);
            Assert.StartsWith("Point PANE_HOME (or --home) at a folder you can write to", problem.Remedy, StringComparison.Ordinal);
            Assert.NotNull(facts.FreeDiskBytes);
        }

        [Fact]
        public void Reports_the_real_host()
        {
            // Given
            var platform = new HostPlatform();
            var collector = new HostFactsCollector(platform);

            // When
            var facts = collector.Collect(_folder.FullName);

            // Then
            Assert.Equal(Environment.ProcessorCount, facts.LogicalProcessors);
            Assert.Equal(platform.PhysicalMemoryBytes, facts.PhysicalMemoryBytes);
            Assert.Equal(Path.GetFullPath(_folder.FullName), facts.PaneHome);
            Assert.False(string.IsNullOrWhiteSpace(facts.OperatingSystem));
            Assert.All(facts.Problems, problem => Assert.False(string.IsNullOrWhiteSpace(problem.Remedy)));
        }

        [Fact]
        public void Reports_a_vm_without_nested_virtualization_with_its_remedy()
        {
            // Given
            var collector = new HostFactsCollector(Linux(), WriteCpuInfo("fpu vme hypervisor lahf_lm"));

            // When
            var facts = collector.Collect(_folder.FullName);

            // Then
            Assert.Equal(new HardwareVirtualization(false, true, $"no vmx or svm flag in {_folder.FullName}/cpuinfo"), facts.Virtualization);
            var problem = Assert.Single(facts.Problems, problem => problem.Subject == "virtualization");
            Assert.StartsWith("This host is itself a virtual machine whose CPU offers no hardware virtualization", problem.Message, StringComparison.Ordinal);
            Assert.StartsWith("Enable nested virtualization", problem.Remedy, StringComparison.Ordinal);
        }

        [Fact]
        public void Reports_a_bare_metal_cpu_without_virtualization_with_the_firmware_remedy()
        {
            // Given
            var collector = new HostFactsCollector(Linux(), WriteCpuInfo("fpu vme lahf_lm"));

            // When
            var facts = collector.Collect(_folder.FullName);

            // Then
            var problem = Assert.Single(facts.Problems, problem => problem.Subject == "virtualization");
            Assert.StartsWith("Enable Intel VT-x or AMD-V (SVM) in the UEFI/BIOS settings", problem.Remedy, StringComparison.Ordinal);
        }

        [Fact]
        public void Finds_no_virtualization_problem_when_the_cpu_has_vmx()
        {
            // Given
            var collector = new HostFactsCollector(Linux(), WriteCpuInfo("fpu vmx hypervisor"));

            // When
            var facts = collector.Collect(_folder.FullName);

            // Then
            Assert.Equal(true, facts.Virtualization.IsAvailable);
            Assert.DoesNotContain(facts.Problems, problem => problem.Subject == "virtualization");
        }

        [Fact]
        public void Says_it_cannot_tell_when_cpuinfo_is_unreadable_and_raises_no_problem()
        {
            // Given
            var collector = new HostFactsCollector(Linux(), Path.Combine(_folder.FullName, "missing"));

            // When
            var facts = collector.Collect(_folder.FullName);

            // Then
            Assert.Null(facts.Virtualization.IsAvailable);
            Assert.DoesNotContain(facts.Problems, problem => problem.Subject == "virtualization");
        }

        [Fact]
        public void Reports_too_little_memory_with_a_remedy()
        {
            // Given
            var collector = new HostFactsCollector(Linux(memory: 3L << 30), WriteCpuInfo("vmx"));

            // When
            var facts = collector.Collect(_folder.FullName);

            // Then
            var problem = Assert.Single(facts.Problems, problem => problem.Subject == "memory");
            Assert.StartsWith("The host has 3.0 GiB of memory", problem.Message, StringComparison.Ordinal);
            Assert.NotEmpty(problem.Remedy);
        }

        [Fact]
        public void Raises_no_memory_problem_when_memory_is_unknown()
        {
            // Given
            var collector = new HostFactsCollector(Linux(memory: null), WriteCpuInfo("vmx"));

            // When
            var facts = collector.Collect(_folder.FullName);

            // Then
            Assert.Null(facts.PhysicalMemoryBytes);
            Assert.DoesNotContain(facts.Problems, problem => problem.Subject == "memory");
        }
    }

    public sealed class FormatBytes
    {
        [Theory]
        [InlineData(3L << 30, "3.0 GiB")]
        [InlineData((5L << 30) / 2, "2.5 GiB")]
        [InlineData(512L << 20, "512 MiB")]
        public void Writes_gibibytes_or_mebibytes(long bytes, string expected)
        {
            // Given the bytes

            // When
            var text = HostFactsCollector.FormatBytes(bytes);

            // Then
            Assert.Equal(expected, text);
        }
    }
}
