using Pane.Machines;

namespace Pane.ImageSources;

/// <summary>Tells a qcow2 image from a raw one by its first bytes.</summary>
internal static class ImageFormats
{
    /// <summary>Gets the first four bytes of every qcow2 image: <c>QFI\xfb</c>.</summary>
    private static ReadOnlySpan<byte> Qcow2Magic => [0x51, 0x46, 0x49, 0xfb];

    /// <summary>Reads the format of an image file.</summary>
    /// <param name="path">The file.</param>
    /// <returns><see cref="DiskFormat.Qcow2"/> when the file starts with the qcow2 magic, else <see cref="DiskFormat.Raw"/>.</returns>
    public static DiskFormat Detect(string path)
    {
        Span<byte> head = stackalloc byte[4];
        using var handle = File.OpenHandle(path);
        var read = RandomAccess.Read(handle, head, 0);
        return read == head.Length && head.SequenceEqual(Qcow2Magic) ? DiskFormat.Qcow2 : DiskFormat.Raw;
    }
}
