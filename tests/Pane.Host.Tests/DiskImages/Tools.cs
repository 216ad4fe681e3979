using Pane.Host.Platform;
using Pane.Platform;

namespace Pane.Host.Tests.DiskImages;

/// <summary>Runs the real disk tools (qemu-img, qemu-io, sfdisk, mke2fs) that build the test images.</summary>
internal static class Tools
{
    private static readonly ProcessRunner s_runner = new();

    public static async Task<string> RunAsync(string program, params string[] arguments)
    {
        var command = new ProcessCommand(program, arguments) { Timeout = TimeSpan.FromMinutes(2) };
        var result = await s_runner.RunAsync(command, CancellationToken.None);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{command}' failed with exit code {result.ExitCode}: {result.StandardError}");
        }

        return System.Text.Encoding.UTF8.GetString(result.StandardOutput.Span);
    }

    public static async Task SfdiskAsync(string image, string script)
    {
        var scriptFile = image + ".sfdisk";
        await File.WriteAllTextAsync(scriptFile, script);
        await RunAsync("sh", "-c", $"sfdisk --no-reread --no-tell-kernel -q '{image}' < '{scriptFile}'");
    }

    public static void CreateFile(string path, long size)
    {
        using var file = File.Create(path);
        file.SetLength(size);
    }

    /// <summary>Copies a filesystem image into a disk image at a byte offset.</summary>
    public static void WriteAt(string disk, long offset, string source)
    {
        using var target = new FileStream(disk, FileMode.Open, FileAccess.Write);
        target.Position = offset;
        using var input = File.OpenRead(source);
        input.CopyTo(target);
    }

    public static void Patch(string path, long offset, ReadOnlySpan<byte> bytes)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Write);
        file.Position = offset;
        file.Write(bytes);
    }

    public static byte[] ReadAll(Stream stream)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
