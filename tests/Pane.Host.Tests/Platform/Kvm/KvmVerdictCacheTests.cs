using Pane.Host.Platform.Kvm;
using Pane.Platform;

namespace Pane.Host.Tests.Platform.Kvm;

public sealed class KvmVerdictCacheTests : IDisposable
{
    private static readonly HypervisorStatus s_refused = HypervisorStatus.Unusable(
        HypervisorKind.Kvm, "/dev/kvm is served by kvm_pvm.", "Run on a host with hardware KVM.", "kvm_pvm");

    private readonly string _folder = Directory.CreateTempSubdirectory("pane-kvm-cache-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public sealed class TryRead : IDisposable
    {
        private readonly KvmVerdictCacheTests _fixture = new();

        public void Dispose() => _fixture.Dispose();

        [Fact]
        public void Returns_the_verdict_written_under_the_same_fingerprint()
        {
            // Given
            var cache = new KvmVerdictCache(_fixture._folder);
            cache.Write("boot-1|kvm,kvm_pvm|42", s_refused);

            // When
            var remembered = new KvmVerdictCache(_fixture._folder).TryRead("boot-1|kvm,kvm_pvm|42");

            // Then
            Assert.Equal(s_refused, remembered);
        }

        [Fact]
        public void Returns_texts_with_line_breaks_and_backslashes_as_they_were_written()
        {
            // Given
            var usable = HypervisorStatus.Usable(HypervisorKind.Kvm, "line one\nline two\\n, not a break\r\n=end");
            var cache = new KvmVerdictCache(_fixture._folder);
            cache.Write("boot-1|kvm|1", usable);

            // When
            var remembered = new KvmVerdictCache(_fixture._folder).TryRead("boot-1|kvm|1");

            // Then
            Assert.Equal(usable, remembered);
        }

        [Theory]
        [InlineData("boot-2|kvm,kvm_pvm|42")]
        [InlineData("boot-1|kvm,kvm_intel|42")]
        [InlineData("boot-1|kvm,kvm_pvm|43")]
        public void Forgets_the_verdict_after_a_reboot_a_module_change_or_a_new_device_node(string fingerprint)
        {
            // Given
            var cache = new KvmVerdictCache(_fixture._folder);
            cache.Write("boot-1|kvm,kvm_pvm|42", s_refused);

            // When
            var remembered = cache.TryRead(fingerprint);

            // Then
            Assert.Null(remembered);
        }

        [Fact]
        public void Treats_a_damaged_cache_file_as_no_verdict()
        {
            // Given
            File.WriteAllText(Path.Combine(_fixture._folder, "kvm-probe.txt"), "fingerprint=boot-1|kvm|1\nkind=NoSuchHypervisor\nusable=maybe\n");

            // When
            var remembered = new KvmVerdictCache(_fixture._folder).TryRead("boot-1|kvm|1");

            // Then
            Assert.Null(remembered);
        }
    }

    public sealed class Write : IDisposable
    {
        private readonly KvmVerdictCacheTests _fixture = new();

        public void Dispose() => _fixture.Dispose();

        [Fact]
        public void Skips_a_cache_folder_that_cannot_be_created_without_throwing()
        {
            // Given
            var blocker = Path.Combine(_fixture._folder, "file");
            File.WriteAllText(blocker, "a file, not a folder");
            var cache = new KvmVerdictCache(Path.Combine(blocker, "cache"));

            // When
            cache.Write("boot-1|kvm|1", s_refused);

            // Then
            Assert.Null(cache.TryRead("boot-1|kvm|1"));
        }
    }

    public sealed class Fingerprint
    {
        [Fact]
        public void Names_this_boot_and_the_loaded_kvm_modules_on_linux()
        {
            // Given
            Assert.SkipUnless(File.Exists("/proc/sys/kernel/random/boot_id"), "This host has no Linux boot id.");
            var bootId = File.ReadAllText("/proc/sys/kernel/random/boot_id").Trim();

            // When
            var fingerprint = KvmVerdictCache.Fingerprint();

            // Then
            Assert.NotNull(fingerprint);
            Assert.StartsWith(bootId + "|", fingerprint, StringComparison.Ordinal);
            Assert.Equal(Directory.Exists("/sys/module/kvm"), fingerprint.Contains("kvm", StringComparison.Ordinal));
        }
    }
}
