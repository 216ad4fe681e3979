using System.Buffers.Binary;
using System.Text;

namespace Pane.Host.DiskImages.Qcow2;

/// <summary>
/// The header of a qcow2 image and its extensions (QEMU <c>docs/interop/qcow2.txt</c>, versions 2 and 3), checked
/// against the file's length before anything is trusted.
/// </summary>
internal sealed record Qcow2Header
{
    public const uint Magic = 0x514649fb;
    private const int Version2Length = 72;
    private const int Version3MinimumLength = 104;
    private const int MaxBackingNameLength = 1023;
    private const int MaxL1Bytes = 32 * 1024 * 1024;
    private const ulong IncompatibleDirty = 1UL << 0;
    private const ulong IncompatibleCorrupt = 1UL << 1;
    private const ulong IncompatibleExternalData = 1UL << 2;
    private const ulong IncompatibleCompressionType = 1UL << 3;
    private const ulong IncompatibleExtendedL2 = 1UL << 4;
    private const uint ExtensionEnd = 0;
    private const uint ExtensionBackingFormat = 0xe2792aca;
    private const uint ExtensionEncryption = 0x0537be77;
    private const uint ExtensionExternalData = 0x44415441;
    private const int MaxExtensions = 64;

    public required int Version { get; init; }

    public required int ClusterBits { get; init; }

    public required long VirtualSize { get; init; }

    public required long L1TableOffset { get; init; }

    public required int L1Size { get; init; }

    public string? BackingFile { get; init; }

    public string? BackingFormat { get; init; }

    public int ClusterSize => 1 << ClusterBits;

    public int L2Entries => ClusterSize / 8;

    /// <summary>Reads and checks the header.</summary>
    /// <param name="file">The image file.</param>
    /// <param name="name">The image's name for messages.</param>
    /// <returns>The header.</returns>
    /// <exception cref="ImageFormatException">The header is damaged or uses a feature Pane does not read.</exception>
    public static Qcow2Header Read(ReadOnlyDiskStream file, string name)
    {
        var fileLength = file.Length;
        Span<byte> header = stackalloc byte[Version3MinimumLength + 8];
        header.Clear();
        if (file.ReadAt(0, header) < Version2Length)
        {
            throw Damaged(name, "the file is shorter than a qcow2 header");
        }

        if (BinaryPrimitives.ReadUInt32BigEndian(header) != Magic)
        {
            throw Damaged(name, "the header does not start with the qcow2 magic");
        }

        var version = BinaryPrimitives.ReadUInt32BigEndian(header[4..]);
        if (version is not (2 or 3))
        {
            throw new ImageFormatException(
                $"The qcow2 header of '{name}' has version {version}; Pane reads versions 2 and 3.",
                "Convert the image with 'qemu-img convert -O qcow2' or to raw.");
        }

        var backingOffset = BinaryPrimitives.ReadUInt64BigEndian(header[8..]);
        var backingSize = BinaryPrimitives.ReadUInt32BigEndian(header[16..]);
        var clusterBits = BinaryPrimitives.ReadUInt32BigEndian(header[20..]);
        var size = BinaryPrimitives.ReadUInt64BigEndian(header[24..]);
        var cryptMethod = BinaryPrimitives.ReadUInt32BigEndian(header[32..]);
        var l1Size = BinaryPrimitives.ReadUInt32BigEndian(header[36..]);
        var l1Offset = BinaryPrimitives.ReadUInt64BigEndian(header[40..]);

        if (clusterBits is < 9 or > 21)
        {
            throw Damaged(name, $"the cluster size 2^{clusterBits} is outside 512 B to 2 MiB");
        }

        if (cryptMethod != 0)
        {
            throw new ImageFormatException(
                $"The qcow2 image '{name}' is encrypted (method {cryptMethod}); Pane does not read encrypted images.",
                "Decrypt it with 'qemu-img convert' into an unencrypted image.");
        }

        var headerLength = Version2Length;
        var compressionType = 0;
        if (version == 3)
        {
            ReadVersion3Fields(header, name, out headerLength, out compressionType);
        }

        if (size > long.MaxValue / 2)
        {
            throw Damaged(name, $"the virtual size {size} is not plausible");
        }

        var clusterSize = 1L << (int)clusterBits;
        var bytesPerL2 = clusterSize * (clusterSize / 8);
        var neededL1 = ((long)size + bytesPerL2 - 1) / bytesPerL2;
        if (l1Size < neededL1)
        {
            throw Damaged(name, $"the L1 table has {l1Size} entries but the virtual size needs {neededL1}");
        }

        if ((long)l1Size * 8 > MaxL1Bytes)
        {
            throw Damaged(name, $"the L1 table of {l1Size} entries is larger than 32 MiB");
        }

        if (l1Size > 0 && (l1Offset % (ulong)clusterSize != 0 || l1Offset > (ulong)fileLength || (ulong)fileLength - l1Offset < l1Size * 8UL))
        {
            throw Damaged(name, $"the L1 table at offset {l1Offset} lies outside the file");
        }

        string? backingFile = null;
        if (backingOffset != 0)
        {
            if (backingSize is 0 or > MaxBackingNameLength || backingOffset > (ulong)fileLength || (ulong)fileLength - backingOffset < backingSize)
            {
                throw Damaged(name, $"the backing file name at offset {backingOffset} ({backingSize} bytes) lies outside the file or is too long");
            }

            var nameBytes = new byte[backingSize];
            file.ReadAt((long)backingOffset, nameBytes);
            backingFile = Encoding.UTF8.GetString(nameBytes);
        }

        var backingFormat = ReadExtensions(file, name, headerLength, clusterSize);
        return new Qcow2Header
        {
            Version = (int)version,
            ClusterBits = (int)clusterBits,
            VirtualSize = (long)size,
            L1TableOffset = (long)l1Offset,
            L1Size = (int)l1Size,
            BackingFile = backingFile,
            BackingFormat = backingFile is null ? null : backingFormat,
        };
    }

    private static void ReadVersion3Fields(ReadOnlySpan<byte> header, string name, out int headerLength, out int compressionType)
    {
        var incompatible = BinaryPrimitives.ReadUInt64BigEndian(header[72..]);
        var refcountOrder = BinaryPrimitives.ReadUInt32BigEndian(header[96..]);
        var length = BinaryPrimitives.ReadUInt32BigEndian(header[100..]);
        if (length < Version3MinimumLength || length > 4096 || length % 8 != 0)
        {
            throw Damaged(name, $"the header length {length} is not valid for version 3");
        }

        if (refcountOrder > 6)
        {
            throw Damaged(name, $"the refcount order {refcountOrder} is above 6");
        }

        compressionType = length > Version3MinimumLength ? header[104] : 0;
        if ((incompatible & IncompatibleCorrupt) != 0)
        {
            throw new ImageFormatException(
                $"The qcow2 image '{name}' is marked corrupt by QEMU.",
                "Repair it with 'qemu-img check -r all' or restore it from a copy.");
        }

        if ((incompatible & IncompatibleExternalData) != 0)
        {
            throw Unsupported(name, "keeps its data in an external data file");
        }

        if ((incompatible & IncompatibleExtendedL2) != 0)
        {
            throw Unsupported(name, "uses extended L2 entries (subclusters)");
        }

        if ((incompatible & IncompatibleCompressionType) != 0 && compressionType != 0)
        {
            throw Unsupported(name, compressionType == 1 ? "uses zstd compression" : $"uses compression type {compressionType}");
        }

        var unknown = incompatible & ~(IncompatibleDirty | IncompatibleCompressionType);
        if (unknown != 0)
        {
            throw Unsupported(name, $"sets unknown incompatible feature bits 0x{unknown:x}");
        }

        headerLength = (int)length;
    }

    private static string? ReadExtensions(ReadOnlyDiskStream file, string name, int headerLength, long clusterSize)
    {
        string? backingFormat = null;
        long offset = headerLength;
        Span<byte> entry = stackalloc byte[8];
        for (var index = 0; index < MaxExtensions; index++)
        {
            if (offset + 8 > clusterSize || file.ReadAt(offset, entry) < 8)
            {
                return backingFormat;
            }

            var type = BinaryPrimitives.ReadUInt32BigEndian(entry);
            var length = BinaryPrimitives.ReadUInt32BigEndian(entry[4..]);
            if (type == ExtensionEnd)
            {
                return backingFormat;
            }

            if (length > clusterSize - offset - 8)
            {
                throw Damaged(name, $"header extension 0x{type:x8} at offset {offset} runs past the first cluster");
            }

            switch (type)
            {
                case ExtensionEncryption:
                    throw Unsupported(name, "carries an encryption header");
                case ExtensionExternalData:
                    throw Unsupported(name, "names an external data file");
                case ExtensionBackingFormat:
                    var data = new byte[length];
                    file.ReadAt(offset + 8, data);
                    backingFormat = Encoding.UTF8.GetString(data).TrimEnd('\0');
                    break;
            }

            offset += 8 + ((length + 7L) & ~7L);
        }

        throw Damaged(name, $"the header has more than {MaxExtensions} extensions");
    }

    private static ImageFormatException Damaged(string name, string what) =>
        new($"The qcow2 header of '{name}' is damaged: {what}.", "Check the image with 'qemu-img check' or download it again.");

    private static ImageFormatException Unsupported(string name, string what) =>
        new($"The qcow2 image '{name}' {what}, which Pane does not read.", "Convert it with 'qemu-img convert -O qcow2' (or to raw) into a plain image.");
}
