using System.Text.Json;

namespace Pane.Host.Tests.DiskImages.Partitions;

/// <summary>8 MiB disks partitioned by sfdisk (MBR with logical partitions, GPT with the root third), with sfdisk's own JSON view of each.</summary>
public sealed class PartitionedDisksFixture : IAsyncLifetime
{
    public const string MbrScript = """
        label: dos
        label-id: 0x1234abcd
        start=2048, size=2048, type=83
        start=4096, type=5
        size=2048, type=82
        type=83
        """;

    public const string GptScript = """
        label: gpt
        label-id: 8D9C5F2A-0A53-4E8A-9E29-1E2B9C3E0F11
        start=2048, size=2048, type=21686148-6449-6E6F-744E-656564454649, name=bios
        size=2048, type=0657FD6D-A4AB-43C4-84E5-0933C84B4F4F, name=swap
        type=0FC63DAF-8483-4772-8E79-3D69D8477DE4, name=root, uuid=6A1B2C3D-4E5F-4071-8293-A4B5C6D7E8F9
        """;

    private readonly ScratchDirectory _scratch = new();

    public string Mbr => _scratch.File("mbr.raw");

    public string Gpt => _scratch.File("gpt.raw");

    public string GptQcow2 => _scratch.File("gpt.qcow2");

    public string Bare => _scratch.File("bare.ext4");

    public JsonElement MbrTable { get; private set; }

    public JsonElement GptTable { get; private set; }

    public string Path(string name) => _scratch.File(name);

    public async ValueTask InitializeAsync()
    {
        Tools.CreateFile(Mbr, 8 * 1024 * 1024);
        await Tools.SfdiskAsync(Mbr, MbrScript);
        MbrTable = await DumpAsync(Mbr);

        Tools.CreateFile(Gpt, 8 * 1024 * 1024);
        await Tools.SfdiskAsync(Gpt, GptScript);
        Tools.Patch(Gpt, 6144L * 512, "root partition marker"u8);
        GptTable = await DumpAsync(Gpt);
        await Tools.RunAsync("qemu-img", "convert", "-O", "qcow2", Gpt, GptQcow2);

        Tools.CreateFile(Bare, 2 * 1024 * 1024);
        await Tools.RunAsync("mke2fs", "-q", "-F", "-t", "ext4", Bare);
    }

    public string Copy(string source, string name)
    {
        var copy = _scratch.File(name);
        File.Copy(source, copy, overwrite: true);
        return copy;
    }

    public ValueTask DisposeAsync()
    {
        _scratch.Dispose();
        return ValueTask.CompletedTask;
    }

    private static async Task<JsonElement> DumpAsync(string disk)
    {
        var json = await Tools.RunAsync("sfdisk", "-J", disk);
        return JsonDocument.Parse(json).RootElement.GetProperty("partitiontable").Clone();
    }
}
