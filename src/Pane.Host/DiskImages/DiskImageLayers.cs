using System.Buffers.Binary;
using System.Text;
using Pane.Host.DiskImages.Qcow2;
using Pane.Machines;

namespace Pane.Host.DiskImages;

/// <summary>Opens an image file and its chain of backing files as one guest-visible stream.</summary>
internal static class DiskImageLayers
{
    /// <summary>The deepest backing chain Pane follows.</summary>
    public const int MaxChainDepth = 16;

    public static ReadOnlyDiskStream Open(string path, string? format, List<string> chain, out DiskFormat detected)
    {
        var fullPath = Path.GetFullPath(path);
        if (chain.Contains(fullPath, StringComparer.Ordinal))
        {
            throw new ImageFormatException(
                $"The backing chain of '{chain[0]}' loops back to '{fullPath}'.",
                "Rebase the image onto a backing file that does not refer back to it ('qemu-img rebase').");
        }

        if (chain.Count > MaxChainDepth)
        {
            throw new ImageFormatException(
                $"The backing chain of '{chain[0]}' is deeper than {MaxChainDepth} files.",
                "Flatten the chain with 'qemu-img convert' into a single image.");
        }

        chain.Add(fullPath);
        var file = OpenFile(fullPath, chain);
        try
        {
            detected = format switch
            {
                null => Probe(file, fullPath),
                "raw" => DiskFormat.Raw,
                "qcow2" => DiskFormat.Qcow2,
                _ => throw new ImageFormatException(
                    $"The backing format '{format}' of '{chain[^2]}' is not one Pane reads (raw, qcow2).",
                    "Convert the backing file to raw or qcow2 and rebase the image onto it."),
            };
            if (detected == DiskFormat.Raw)
            {
                return file;
            }

            var header = Qcow2Header.Read(file, fullPath);
            ReadOnlyDiskStream? backing = null;
            if (header.BackingFile is { } backingName)
            {
                backing = Open(ResolveBacking(fullPath, backingName), header.BackingFormat, chain, out _);
            }

            try
            {
                return new Qcow2DiskStream(file, header, fullPath, backing);
            }
            catch
            {
                backing?.Dispose();
                throw;
            }
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    private static FileDiskStream OpenFile(string fullPath, List<string> chain)
    {
        try
        {
            return FileDiskStream.Open(fullPath);
        }
        catch (Exception error) when (chain.Count > 1 && error is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ImageFormatException(
                $"The backing file '{fullPath}' of '{chain[^2]}' does not exist.",
                "Put the backing file back where the image expects it, or rebase the image ('qemu-img rebase').",
                error);
        }
    }

    private static DiskFormat Probe(FileDiskStream file, string fullPath)
    {
        Span<byte> start = stackalloc byte[72];
        start.Clear();
        file.ReadAt(0, start);
        if (BinaryPrimitives.ReadUInt32BigEndian(start) == Qcow2Header.Magic)
        {
            return DiskFormat.Qcow2;
        }

        var other = start[..8].SequenceEqual("vhdxfile"u8) ? "VHDX"
            : start[..4].SequenceEqual("KDMV"u8) ? "VMDK"
            : BinaryPrimitives.ReadUInt32LittleEndian(start[64..]) == 0xbeda107f ? "VDI"
            : start[..4].SequenceEqual("QEVM"u8) ? "QED"
            : null;
        if (other is not null)
        {
            throw new ImageFormatException(
                $"The image '{fullPath}' is in {other} format, which Pane does not read.",
                "Convert it to qcow2 or raw with 'qemu-img convert -O qcow2'.");
        }

        return DiskFormat.Raw;
    }

    private static string ResolveBacking(string imagePath, string backingName)
    {
        if (backingName.Contains("://", StringComparison.Ordinal) || backingName.StartsWith("json:", StringComparison.Ordinal)
            || backingName.IndexOfAny(['\0', '\n']) >= 0)
        {
            throw new ImageFormatException(
                $"The backing file '{Sanitize(backingName)}' of '{imagePath}' is not a local file.",
                "Flatten the image with 'qemu-img convert' so it needs no backing file.");
        }

        return Path.IsPathRooted(backingName)
            ? backingName
            : Path.Combine(Path.GetDirectoryName(imagePath) ?? ".", backingName);
    }

    private static string Sanitize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var character in text)
        {
            builder.Append(char.IsControl(character) ? '?' : character);
        }

        return builder.ToString();
    }
}
