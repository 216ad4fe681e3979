using System.Text;

namespace Pane.Host.Tests.DiskImages.Boot;

/// <summary>
/// Whole-disk images of fake distributions, their ext4 filesystems populated by <c>mke2fs -d</c> with fake kernels:
/// Arch on GPT with the root third, Debian on MBR with the root on a logical partition, Fedora with a separate
/// /boot partition (raw and qcow2), a bare Ubuntu filesystem whose /vmlinuz symlink picks an older kernel, bare Arch
/// filesystems with only the -lts or only the -zen kernel, and a bare Fedora filesystem with its kernels in its own
/// /boot beside a rescue kernel.
/// </summary>
public sealed class DistributionImagesFixture : IAsyncLifetime
{
    public const string ArchRootUuid = "3b1d5c2e-8f4a-4e6b-9c7d-0a1b2c3d4e5f";
    public const string FedoraRootUuid = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
    public const string UbuntuFsUuid = "d3b07384-d113-4ec6-a1b2-f1e2d3c4b5a6";

    private const int MiB = 1024 * 1024;
    private readonly ScratchDirectory _scratch = new();

    public string Arch => _scratch.File("arch.raw");

    public string Debian => _scratch.File("debian.raw");

    public string Fedora => _scratch.File("fedora.raw");

    public string FedoraQcow2 => _scratch.File("fedora.qcow2");

    public string Ubuntu => _scratch.File("ubuntu.ext4");

    public string ArchLtsOnly => _scratch.File("arch-lts.ext4");

    public string ArchZenOnly => _scratch.File("arch-zen.ext4");

    public string FedoraSingle => _scratch.File("fedora-single.ext4");

    public string Path(string name) => _scratch.File(name);

    public static byte[] Blob { get; } = Enumerable.Range(0, 70_000).Select(index => (byte)(index * 7)).ToArray();

    public static byte[] Content(string name) =>
        Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat($"<{name}>", 2000)));

    public async ValueTask InitializeAsync()
    {
        await BuildArchAsync();
        await BuildDebianAsync();
        await BuildFedoraAsync();
        await BuildUbuntuAsync();
        await BuildSingleFileSystemsAsync();
    }

    public ValueTask DisposeAsync()
    {
        _scratch.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task BuildArchAsync()
    {
        var data = await FileSystemAsync("arch-data", [("notes.txt", "data")], []);
        var root = await FileSystemAsync(
            "arch-root",
            [
                ("etc/os-release", "NAME=\"Arch Linux\"\nPRETTY_NAME=\"Arch Linux\"\nID=arch\n"),
                ("usr/lib/systemd/systemd", "systemd"),
                ("boot/vmlinuz-linux-lts", null), ("boot/initramfs-linux-lts.img", null),
                ("boot/vmlinuz-linux", null), ("boot/initramfs-linux.img", null), ("boot/initramfs-linux-fallback.img", null),
                ("boot/vmlinuz-linux-zen", null), ("boot/initramfs-linux-zen.img", null),
            ],
            [("sbin", "usr/bin"), ("usr/bin/init", "../lib/systemd/systemd")]);
        Tools.CreateFile(Arch, 12 * MiB);
        await Tools.SfdiskAsync(Arch, $"""
            label: gpt
            start=2048, size=6144, type=0FC63DAF-8483-4772-8E79-3D69D8477DE4, name=data
            size=2048, type=0657FD6D-A4AB-43C4-84E5-0933C84B4F4F, name=swap
            type=0FC63DAF-8483-4772-8E79-3D69D8477DE4, name=root, uuid={ArchRootUuid}
            """);
        Tools.WriteAt(Arch, 2048L * 512, data);
        Tools.WriteAt(Arch, 10240L * 512, root);
    }

    private async Task BuildDebianAsync()
    {
        var data = await FileSystemAsync("debian-home", [("user/readme", "home")], []);
        var root = await FileSystemAsync(
            "debian-root",
            [
                ("etc/os-release", "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nID=debian\n"),
                ("sbin/init", "init"),
                ("boot/vmlinuz-6.1.0-9-amd64", null), ("boot/initrd.img-6.1.0-9-amd64", null),
                ("boot/vmlinuz-6.1.0-13-amd64", null), ("boot/initrd.img-6.1.0-13-amd64", null),
                ("boot/vmlinuz-6.1.0-10-amd64", null), ("boot/initrd.img-6.1.0-10-amd64", null),
            ],
            []);
        Tools.CreateFile(Debian, 12 * MiB);
        await Tools.SfdiskAsync(Debian, """
            label: dos
            label-id: 0x5eed0001
            start=2048, size=6144, type=83
            start=8192, type=5
            size=2048, type=82
            type=83
            """);
        var table = System.Text.Json.JsonDocument.Parse(await Tools.RunAsync("sfdisk", "-J", Debian));
        var sixth = table.RootElement.GetProperty("partitiontable").GetProperty("partitions")[3].GetProperty("start").GetInt64();
        Tools.WriteAt(Debian, 2048L * 512, data);
        Tools.WriteAt(Debian, sixth * 512, root);
    }

    private async Task BuildFedoraAsync()
    {
        var boot = await FileSystemAsync(
            "fedora-boot",
            [
                ("vmlinuz-6.4.15-200.fc38.x86_64", null), ("initramfs-6.4.15-200.fc38.x86_64.img", null),
                ("vmlinuz-6.5.6-300.fc39.x86_64", null), ("initramfs-6.5.6-300.fc39.x86_64.img", null),
                ("vmlinuz-0-rescue-0123456789abcdef", null), ("initramfs-0-rescue-0123456789abcdef.img", null),
            ],
            []);
        var root = await FileSystemAsync(
            "fedora-root",
            [("etc/os-release", "NAME=\"Fedora Linux\"\nID=fedora\nPRETTY_NAME=\"Fedora Linux 39 (Workstation Edition)\"\n"), ("usr/lib/systemd/systemd", "systemd"), ("boot/.keep", "")],
            [("sbin", "usr/sbin"), ("usr/sbin/init", "../lib/systemd/systemd")]);
        Tools.CreateFile(Fedora, 12 * MiB);
        await Tools.SfdiskAsync(Fedora, $"""
            label: gpt
            start=2048, size=2048, type=C12A7328-F81F-11D2-BA4B-00A0C93EC93B, name=efi
            size=6144, type=BC13C2FF-59E6-4262-A352-B275FD6F7172, name=boot
            type=4F68BCE3-E8CD-4DB1-96E7-FBCAF984B709, name=root, uuid={FedoraRootUuid}
            """);
        Tools.WriteAt(Fedora, 4096L * 512, boot);
        Tools.WriteAt(Fedora, 10240L * 512, root);
        await Tools.RunAsync("qemu-img", "convert", "-O", "qcow2", Fedora, FedoraQcow2);
    }

    private async Task BuildUbuntuAsync()
    {
        var image = await FileSystemAsync(
            "ubuntu",
            [
                ("etc/os-release", "NAME=\"Ubuntu\"\nID=ubuntu\nID_LIKE=debian\nPRETTY_NAME=\"Ubuntu 24.04 LTS\"\n"),
                ("boot/vmlinuz-6.8.0-31-generic", null), ("boot/initrd.img-6.8.0-31-generic", null),
                ("boot/vmlinuz-6.8.0-35-generic", null), ("boot/initrd.img-6.8.0-35-generic", null),
            ],
            [("vmlinuz", "boot/vmlinuz-6.8.0-31-generic"), ("initrd.img", "boot/initrd.img-6.8.0-31-generic")],
            UbuntuFsUuid,
            [("usr/share/blob.bin", Blob)]);
        File.Move(image, Ubuntu);
    }

    private async Task BuildSingleFileSystemsAsync()
    {
        foreach (var (flavour, target) in new[] { ("lts", ArchLtsOnly), ("zen", ArchZenOnly) })
        {
            var image = await FileSystemAsync(
                $"arch-{flavour}",
                [
                    ("etc/os-release", "NAME=\"Arch Linux\"\nID=arch\n"), ("sbin/init", "init"), ($"boot/vmlinuz-linux-{flavour}", null),
                    ($"boot/initramfs-linux-{flavour}-fallback.img", null), ($"boot/initramfs-linux-{flavour}.img", null),
                ],
                []);
            File.Move(image, target);
        }

        File.Move(
            await FileSystemAsync(
                "fedora-single",
                [
                    ("etc/os-release", "NAME=\"Fedora Linux\"\nID=fedora\n"), ("usr/lib/systemd/systemd", "systemd"),
                    ("boot/vmlinuz-6.4.15-200.fc38.x86_64", null), ("boot/initramfs-6.4.15-200.fc38.x86_64.img", null),
                    ("boot/vmlinuz-6.5.6-300.fc39.x86_64", null), ("boot/initramfs-6.5.6-300.fc39.x86_64.img", null),
                    ("boot/vmlinuz-0-rescue-0123456789abcdef", null), ("boot/initramfs-0-rescue-0123456789abcdef.img", null),
                ],
                [("sbin/init", "../usr/lib/systemd/systemd")]),
            FedoraSingle);
    }

    private async Task<string> FileSystemAsync(
        string name,
        (string Path, string? Text)[] files,
        (string Path, string Target)[] symlinks,
        string? uuid = null,
        (string Path, byte[] Bytes)[]? blobs = null)
    {
        var tree = _scratch.File(name + ".tree");
        Directory.CreateDirectory(tree);
        foreach (var (path, text) in files)
        {
            var target = System.IO.Path.Combine(tree, path);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            await File.WriteAllBytesAsync(target, text is null ? Content($"{name}/{path}") : Encoding.UTF8.GetBytes(text));
        }

        foreach (var (path, bytes) in blobs ?? [])
        {
            var target = System.IO.Path.Combine(tree, path);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            await File.WriteAllBytesAsync(target, bytes);
        }

        foreach (var (path, target) in symlinks)
        {
            var link = System.IO.Path.Combine(tree, path);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(link)!);
            File.CreateSymbolicLink(link, target);
        }

        var image = _scratch.File(name + ".ext4");
        string[] uuidArguments = uuid is null ? [] : ["-U", uuid];
        await Tools.RunAsync("mke2fs", ["-q", "-F", "-t", "ext4", "-L", name, .. uuidArguments, "-d", tree, image, "3M"]);
        return image;
    }
}
