using System.Buffers.Binary;
using Pane.Runtime.Native.Memory;

namespace Pane.Runtime.Native.Boot;

/// <summary>
/// An uncompressed x86-64 Linux kernel (<c>vmlinux</c>), an ELF64 executable: its loadable segments go to their
/// physical addresses and the vCPU enters it at <c>startup_64</c> in long mode, as Firecracker boots it. The bzImage's
/// own decompressor, which would otherwise unpack this under the guest's clock, never runs. A kernel opened from a
/// file is loaded from it by <see cref="GuestMemory.Load"/>, which maps its pages instead of copying them where it can.
/// </summary>
internal sealed class ElfKernel
{
    /// <summary>How much of a file <see cref="Open"/> reads for the ELF header and program headers.</summary>
    private const int HeadersReadSize = 4096;

    private const uint LoadableSegment = 1;
    private const ushort MachineX86_64 = 62;
    private const int HeaderSize = 64;
    private const int ProgramHeaderSize = 56;

    private readonly SegmentsLoader _load;

    private ElfKernel(SegmentsLoader load, ulong entry, IReadOnlyList<ElfSegment> segments)
    {
        _load = load;
        Entry = entry;
        Segments = segments;
        End = segments.Max(segment => segment.PhysicalAddress + segment.MemorySize);
    }

    /// <summary>Gets the guest-physical address of the 64-bit entry point.</summary>
    public ulong Entry { get; }

    /// <summary>Gets the loadable segments.</summary>
    public IReadOnlyList<ElfSegment> Segments { get; }

    /// <summary>Gets the end of the memory the kernel occupies, its zeroed data included.</summary>
    public ulong End { get; }

    private delegate void SegmentsLoader(IReadOnlyList<ElfSegment> segments, GuestMemory memory);

    /// <summary>Reads an uncompressed kernel held in memory.</summary>
    /// <param name="image">The ELF file's bytes (anything after its segments, such as relocations, is ignored).</param>
    /// <returns>The kernel.</returns>
    /// <exception cref="BootImageException">The bytes are not a 64-bit x86 ELF executable with loadable segments and an entry inside them.</exception>
    public static ElfKernel Parse(byte[] image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return Parse(image, image.Length, (segments, memory) =>
        {
            foreach (var segment in segments)
            {
                memory.Write(segment.PhysicalAddress, image.AsSpan((int)segment.FileOffset, (int)segment.FileSize));
            }
        });
    }

    /// <summary>Reads the headers of an uncompressed kernel file; its segments are read when the kernel is loaded.</summary>
    /// <param name="path">The ELF file.</param>
    /// <returns>The kernel.</returns>
    /// <exception cref="BootImageException">The file is not a 64-bit x86 ELF executable with loadable segments and an entry inside them.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static ElfKernel Open(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var file = File.OpenHandle(path);
        var headers = new byte[HeadersReadSize];
        var read = RandomAccess.Read(file, headers, 0);
        return Parse(headers.AsSpan(0, read), RandomAccess.GetLength(file), (segments, memory) => LoadSegments(path, segments, memory));
    }

    private static ElfKernel Parse(ReadOnlySpan<byte> image, long fileLength, SegmentsLoader load)
    {
        if (image.Length < HeaderSize || !image[..4].SequenceEqual("\u007fELF"u8) || image[4] != 2 || image[5] != 1
            || BinaryPrimitives.ReadUInt16LittleEndian(image[0x12..]) != MachineX86_64)
        {
            throw Invalid("it is not a little-endian 64-bit x86 ELF file");
        }

        var entry = BinaryPrimitives.ReadUInt64LittleEndian(image[0x18..]);
        var headers = BinaryPrimitives.ReadUInt64LittleEndian(image[0x20..]);
        var headerSize = BinaryPrimitives.ReadUInt16LittleEndian(image[0x36..]);
        var count = BinaryPrimitives.ReadUInt16LittleEndian(image[0x38..]);
        if (headerSize < ProgramHeaderSize || headers > (ulong)image.Length || (ulong)count * headerSize > (ulong)image.Length - headers)
        {
            throw Invalid("its program headers lie outside the bytes read for them");
        }

        var segments = new List<ElfSegment>();
        for (var index = 0; index < count; index++)
        {
            var header = image.Slice((int)headers + (index * headerSize), ProgramHeaderSize);
            if (BinaryPrimitives.ReadUInt32LittleEndian(header) != LoadableSegment)
            {
                continue;
            }

            var segment = new ElfSegment(
                BinaryPrimitives.ReadUInt64LittleEndian(header[0x18..]),
                BinaryPrimitives.ReadUInt64LittleEndian(header[0x08..]),
                BinaryPrimitives.ReadUInt64LittleEndian(header[0x20..]),
                BinaryPrimitives.ReadUInt64LittleEndian(header[0x28..]));
            if (segment.FileSize > segment.MemorySize || segment.FileOffset > (ulong)fileLength
                || segment.FileSize > (ulong)fileLength - segment.FileOffset || segment.PhysicalAddress < GuestLayout.HighMemory
                || segment.MemorySize > KernelPayload.MaxUncompressedSize || segment.PhysicalAddress > GuestLayout.MaxMemory - segment.MemorySize)
            {
                throw Invalid($"its segment {index} does not fit in the file, in {KernelPayload.MaxUncompressedSize >> 20} MiB or in guest memory above 1 MiB");
            }

            segments.Add(segment);
        }

        if (segments.Count == 0 || !segments.Any(segment => entry >= segment.PhysicalAddress && entry < segment.PhysicalAddress + segment.FileSize))
        {
            throw Invalid($"its entry point 0x{entry:x} is not inside a loadable segment");
        }

        return new ElfKernel(load, entry, segments);
    }

    /// <summary>Copies the segments into guest memory and zeroes what the file does not hold.</summary>
    /// <param name="memory">Guest memory, reaching at least <see cref="End"/>.</param>
    /// <exception cref="BootImageException">The kernel's file became shorter since it was opened.</exception>
    public void LoadInto(GuestMemory memory)
    {
        ArgumentNullException.ThrowIfNull(memory);
        _load(Segments, memory);
        foreach (var segment in Segments)
        {
            memory.Slice(segment.PhysicalAddress + segment.FileSize, (int)(segment.MemorySize - segment.FileSize)).Clear();
        }
    }

    private static void LoadSegments(string path, IReadOnlyList<ElfSegment> segments, GuestMemory memory)
    {
        try
        {
            using var file = File.OpenHandle(path);
            foreach (var segment in segments)
            {
                memory.Load(segment.PhysicalAddress, file, (long)segment.FileOffset, (int)segment.FileSize);
            }
        }
        catch (EndOfStreamException)
        {
            throw Invalid("its file became shorter since it was opened");
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new BootImageException($"The unpacked kernel {path} could not be read: {error.Message}", "Launch again; Pane unpacks the kernel again when its kept copy is gone.");
        }
    }

    private static BootImageException Invalid(string why) =>
        new($"The uncompressed kernel cannot be loaded: {why}.", "Delete Pane's cache folder of kernels; it is rebuilt from the kernel on the next launch.");
}
