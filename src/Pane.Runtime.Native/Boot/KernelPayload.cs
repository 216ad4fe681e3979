using System.Buffers.Binary;
using System.IO.Compression;
using Pane.Runtime.Native.Boot.Compression;

namespace Pane.Runtime.Native.Boot;

/// <summary>
/// Unpacks the compressed kernel a bzImage carries (<see cref="BzImage.Payload"/>) into its <c>vmlinux</c>, for the
/// formats Pane decodes: XZ (Debian's choice) and gzip. Other formats (zstd, LZ4, LZO,
/// bzip2, LZMA) are left to the kernel's own decompressor.
/// </summary>
internal static class KernelPayload
{
    /// <summary>The largest uncompressed kernel Pane unpacks.</summary>
    public const int MaxUncompressedSize = 512 * 1024 * 1024;

    private static ReadOnlySpan<byte> GzipMagic => [0x1F, 0x8B];

    /// <summary>Unpacks a kernel's payload.</summary>
    /// <param name="kernel">The kernel.</param>
    /// <returns>The <c>vmlinux</c>'s bytes, or <see langword="null"/> when the payload is in a format, or uses an XZ filter or check, that Pane leaves to the kernel.</returns>
    /// <exception cref="InvalidDataException">The payload is in a format Pane decodes but is damaged.</exception>
    public static byte[]? Decompress(BzImage kernel)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        var payload = kernel.Payload;
        if (payload.IsEmpty)
        {
            return null;
        }

        var size = BinaryPrimitives.ReadUInt32LittleEndian(payload[^4..]);
        var isXz = payload.StartsWith(XzDecoder.Magic);
        if (!isXz && !payload.StartsWith(GzipMagic))
        {
            return null;
        }

        if (size > MaxUncompressedSize)
        {
            throw new InvalidDataException($"The kernel's payload claims {size} uncompressed bytes, more than the {MaxUncompressedSize} Pane unpacks.");
        }

        try
        {
            return isXz ? XzDecoder.Decode(payload, (int)size) : Gunzip(payload, (int)size);
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }

    private static unsafe byte[] Gunzip(ReadOnlySpan<byte> payload, int size)
    {
        var output = new byte[size];
        fixed (byte* start = payload)
        {
            using var input = new UnmanagedMemoryStream(start, payload.Length);
            using var gzip = new GZipStream(input, CompressionMode.Decompress);
            if (gzip.ReadAtLeast(output, size, throwOnEndOfStream: false) != size || gzip.ReadByte() != -1)
            {
                throw new InvalidDataException($"The kernel's gzip payload does not decode to the {size} bytes it states.");
            }
        }

        return output;
    }
}
