using Pane.ImageSources.Debian.Build;

namespace Pane.ImageSources.Debian.Tests.Build;

public sealed class DebianPrerequisitesTests
{
    private static readonly string[] s_programs = ["mmdebstrap", "sfdisk", "mke2fs", "tar", "sh", "unshare", "newuidmap", "newgidmap"];

    /// <summary>A host tree of an ordinary user (uid 1000) that can build, which each test then breaks.</summary>
    private static Scratch ReadyHost(uint userId = 1000)
    {
        var root = new Scratch();
        foreach (var program in s_programs)
        {
            root.Write($"usr/bin/{program}", string.Empty);
        }

        root.Write("proc/self/status", $"Name:\tpane\nUid:\t{userId}\t{userId}\t{userId}\t{userId}\nGid:\t{userId}\t{userId}\t{userId}\t{userId}\n");
        root.Write("proc/sys/kernel/unprivileged_userns_clone", "1\n");
        root.Write("proc/sys/user/max_user_namespaces", "15000\n");
        root.Write("etc/subuid", "ann:100000:65536\n");
        root.Write("etc/subgid", "ann:200000:65536\n");
        return root;
    }

    private static PaneException? Check(Scratch root, out BuildIdentity? identity) =>
        DebianPrerequisites.FindProblem(new DebianHost(root.Path, "/usr/local/bin:/usr/bin"), "ann", out identity);

    public sealed class FindProblem
    {
        [Fact]
        public void Finds_none_on_a_ready_host_and_reads_the_users_subordinate_ranges()
        {
            // Given
            using var root = ReadyHost();

            // When
            var problem = Check(root, out var identity);

            // Then
            Assert.Null(problem);
            Assert.Equal(new BuildIdentity("ann", 1000, new SubordinateIdRange(100000, 65536), new SubordinateIdRange(200000, 65536)), identity);
            Assert.False(identity!.IsRoot);
        }

        [Fact]
        public void Says_to_install_mmdebstrap_when_it_is_missing()
        {
            // Given
            using var root = ReadyHost();
            File.Delete(Path.Join(root.Path, "usr/bin/mmdebstrap"));

            // When
            var problem = Check(root, out _);

            // Then
            Assert.Equal("mmdebstrap, which builds the Debian image, is not installed.", problem?.Message);
            Assert.Contains("sudo apt-get install mmdebstrap uidmap", problem!.Remedy, StringComparison.Ordinal);
        }

        [Fact]
        public void Says_to_install_uidmap_when_newuidmap_is_missing()
        {
            // Given
            using var root = ReadyHost();
            File.Delete(Path.Join(root.Path, "usr/bin/newuidmap"));

            // When
            var problem = Check(root, out _);

            // Then
            Assert.StartsWith("newuidmap, which an ordinary user needs", problem?.Message, StringComparison.Ordinal);
            Assert.Contains("uidmap", problem!.Remedy, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("proc/sys/kernel/unprivileged_userns_clone", "0", "sudo sysctl -w kernel.unprivileged_userns_clone=1")]
        [InlineData("proc/sys/user/max_user_namespaces", "0", "sudo sysctl -w user.max_user_namespaces=15000")]
        [InlineData("proc/sys/kernel/apparmor_restrict_unprivileged_userns", "1", "sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0")]
        public void Names_the_sysctl_that_allows_user_namespaces(string file, string value, string remedy)
        {
            // Given
            using var root = ReadyHost();
            root.Write(file, value + "\n");

            // When
            var problem = Check(root, out _);

            // Then
            Assert.NotNull(problem);
            Assert.Contains(remedy, problem.Remedy, StringComparison.Ordinal);
        }

        [Fact]
        public void Says_how_to_give_the_user_subordinate_ids()
        {
            // Given
            using var root = ReadyHost();
            root.Write("etc/subgid", "bob:200000:65536\n");

            // When
            var problem = Check(root, out _);

            // Then
            Assert.Equal(
                "The user 'ann' has no range of 65536 subordinate group ids in /etc/subgid, which the user namespace of the build needs.",
                problem?.Message);
            Assert.Contains("usermod --add-subuids 100000-165535 --add-subgids 100000-165535 ann", problem!.Remedy, StringComparison.Ordinal);
        }

        [Fact]
        public void Needs_no_user_namespace_for_root()
        {
            // Given
            using var root = ReadyHost(userId: 0);
            File.Delete(Path.Join(root.Path, "usr/bin/newuidmap"));
            File.Delete(Path.Join(root.Path, "etc/subuid"));

            // When
            var problem = Check(root, out var identity);

            // Then
            Assert.Null(problem);
            Assert.True(identity!.IsRoot);
        }
    }
}
