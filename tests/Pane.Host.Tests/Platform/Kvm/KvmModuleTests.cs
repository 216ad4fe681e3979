using Pane.Host.Platform.Kvm;

namespace Pane.Host.Tests.Platform.Kvm;

public sealed class KvmModuleTests
{
    public sealed class Find : IDisposable
    {
        private readonly DirectoryInfo _modules = Directory.CreateTempSubdirectory("pane-modules-");

        public void Dispose() => _modules.Delete(recursive: true);

        [Fact]
        public void Names_kvm_pvm_when_it_is_the_module_loaded_beside_kvm()
        {
            // Given
            _modules.CreateSubdirectory("kvm");
            _modules.CreateSubdirectory("kvm_pvm");

            // When
            var module = KvmModule.Find(_modules.FullName);

            // Then
            Assert.Equal("kvm_pvm", module);
        }

        [Fact]
        public void Prefers_a_hardware_module()
        {
            // Given
            _modules.CreateSubdirectory("kvm_amd");
            _modules.CreateSubdirectory("kvm_pvm");

            // When
            var module = KvmModule.Find(_modules.FullName);

            // Then
            Assert.Equal("kvm_amd", module);
        }

        [Fact]
        public void Names_a_kvm_module_it_does_not_know()
        {
            // Given
            _modules.CreateSubdirectory("kvm");
            _modules.CreateSubdirectory("kvm_future");

            // When
            var module = KvmModule.Find(_modules.FullName);

            // Then
            Assert.Equal("kvm_future", module);
        }

        [Fact]
        public void Finds_nothing_without_a_kvm_module()
        {
            // Given
            _modules.CreateSubdirectory("ext4");

            // When
            var module = KvmModule.Find(_modules.FullName);

            // Then
            Assert.Null(module);
        }

        [Fact]
        public void Finds_nothing_when_the_folder_is_missing()
        {
            // Given
            var missing = Path.Combine(_modules.FullName, "missing");

            // When
            var module = KvmModule.Find(missing);

            // Then
            Assert.Null(module);
        }
    }
}
