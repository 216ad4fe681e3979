namespace Pane.Host.Tests.DiskImages.Qcow2;

/// <summary>
/// A 4 MiB raw disk with random, compressible and empty regions, and qcow2 images made from it by qemu-img and
/// qemu-io: plain v3 and v2, compressed with 64 KiB and 4 KiB clusters, and a two-level backing chain with zero
/// clusters and writes past the end of the raw backing file. Each has its qemu-img raw conversion beside it.
/// </summary>
public sealed class Qcow2ImagesFixture : IAsyncLifetime
{
    private readonly ScratchDirectory _scratch = new();

    public string Directory => _scratch.Path;

    public string BaseRaw => _scratch.File("base.raw");

    public string Path(string name) => _scratch.File(name);

    public string Expected(string name) => _scratch.File(name + ".expected.raw");

    public async ValueTask InitializeAsync()
    {
        var random = new Random(4);
        var disk = new byte[4 * 1024 * 1024];
        random.NextBytes(disk.AsSpan(0, 1024 * 1024));
        var text = "Pane reads qcow2 clusters one at a time. "u8;
        for (var offset = 2 * 1024 * 1024; offset < (2 * 1024 * 1024) + (512 * 1024); offset += text.Length)
        {
            text[..Math.Min(text.Length, (2 * 1024 * 1024) + (512 * 1024) - offset)].CopyTo(disk.AsSpan(offset));
        }

        random.NextBytes(disk.AsSpan((3 * 1024 * 1024) + (512 * 1024), 4096));
        await File.WriteAllBytesAsync(BaseRaw, disk);

        await Tools.RunAsync("qemu-img", "convert", "-O", "qcow2", BaseRaw, Path("plain.qcow2"));
        await Tools.RunAsync("qemu-img", "convert", "-O", "qcow2", "-o", "compat=0.10", BaseRaw, Path("v2.qcow2"));
        await Tools.RunAsync("qemu-img", "convert", "-c", "-O", "qcow2", BaseRaw, Path("compressed.qcow2"));
        await Tools.RunAsync("qemu-img", "convert", "-c", "-O", "qcow2", "-o", "cluster_size=4096", BaseRaw, Path("compressed-4k.qcow2"));
        await Tools.RunAsync("qemu-img", "create", "-q", "-f", "qcow2", Path("empty.qcow2"), "16M");

        await Tools.RunAsync("qemu-img", "create", "-q", "-f", "qcow2", "-b", "base.raw", "-F", "raw", Path("overlay.qcow2"), "8M");
        await Tools.RunAsync("qemu-io", "-c", "write -P 0xab 1M 64k", "-c", "write -z 0 64k", "-c", "write -P 0x5a 6M 4k", Path("overlay.qcow2"));
        await Tools.RunAsync("qemu-img", "create", "-q", "-f", "qcow2", "-b", "overlay.qcow2", "-F", "qcow2", Path("top.qcow2"));
        await Tools.RunAsync("qemu-io", "-c", "write -P 0x11 3M 512", Path("top.qcow2"));

        foreach (var name in new[] { "plain.qcow2", "v2.qcow2", "compressed.qcow2", "compressed-4k.qcow2", "empty.qcow2", "overlay.qcow2", "top.qcow2" })
        {
            await Tools.RunAsync("qemu-img", "convert", "-O", "raw", Path(name), Expected(name));
        }
    }

    public ValueTask DisposeAsync()
    {
        _scratch.Dispose();
        return ValueTask.CompletedTask;
    }
}
