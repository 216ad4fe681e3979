namespace Pane.Host.Tests.DiskImages.Qcow2;

/// <summary>Images qemu-img makes with features Pane refuses, and backing chains that loop or run too deep.</summary>
public sealed class RefusedImagesFixture : IAsyncLifetime
{
    private readonly ScratchDirectory _scratch = new();

    public string Path(string name) => _scratch.File(name);

    public async ValueTask InitializeAsync()
    {
        await Tools.RunAsync("qemu-img", "create", "-q", "-f", "qcow2", "-o", "compression_type=zstd", Path("zstd.qcow2"), "1M");
        await Tools.RunAsync("qemu-img", "create", "-q", "-f", "qcow2", "-o", "extended_l2=on", Path("extended-l2.qcow2"), "1M");
        await Tools.RunAsync("qemu-img", "create", "-q", "-f", "qcow2", "-o", $"data_file={Path("data.raw")}", Path("external-data.qcow2"), "1M");
        await Tools.RunAsync(
            "qemu-img", "create", "-q", "-f", "qcow2", "--object", "secret,id=sec0,data=pane",
            "-o", "encrypt.format=luks,encrypt.key-secret=sec0,encrypt.iter-time=10", Path("luks.qcow2"), "1M");
        await Tools.RunAsync("qemu-img", "create", "-q", "-f", "vmdk", Path("disk.vmdk"), "1M");
        await Tools.RunAsync("qemu-img", "create", "-q", "-f", "qcow2", "-u", "-b", "loop-b.qcow2", "-F", "qcow2", Path("loop-a.qcow2"), "1M");
        await Tools.RunAsync("qemu-img", "create", "-q", "-f", "qcow2", "-u", "-b", "loop-a.qcow2", "-F", "qcow2", Path("loop-b.qcow2"), "1M");
        await Tools.RunAsync("qemu-img", "create", "-q", "-f", "qcow2", "-u", "-b", "gone.raw", "-F", "raw", Path("missing-backing.qcow2"), "1M");
        await Tools.RunAsync("qemu-img", "create", "-q", "-f", "raw", Path("deep-20.raw"), "1M");
        for (var level = 19; level >= 0; level--)
        {
            var backing = level == 19 ? "deep-20.raw" : $"deep-{level + 1}.qcow2";
            var format = level == 19 ? "raw" : "qcow2";
            await Tools.RunAsync("qemu-img", "create", "-q", "-f", "qcow2", "-u", "-b", backing, "-F", format, Path($"deep-{level}.qcow2"), "1M");
        }

        await Tools.RunAsync("qemu-img", "create", "-q", "-f", "raw", Path("small.raw"), "4M");
        await Tools.RunAsync("qemu-io", "-f", "raw", "-c", "write -P 0x42 0 4M", Path("small.raw"));
        await Tools.RunAsync("qemu-img", "convert", "-O", "qcow2", "-o", "cluster_size=4096", Path("small.raw"), Path("small.qcow2"));
        await Tools.RunAsync("qemu-img", "convert", "-c", "-O", "qcow2", "-o", "cluster_size=4096", Path("small.raw"), Path("small-compressed.qcow2"));
    }

    public ValueTask DisposeAsync()
    {
        _scratch.Dispose();
        return ValueTask.CompletedTask;
    }
}
