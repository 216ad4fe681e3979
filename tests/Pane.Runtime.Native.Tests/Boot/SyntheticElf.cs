using System.Buffers.Binary;
using Pane.Runtime.Native.Boot;

namespace Pane.Runtime.Native.Tests.Boot;

/// <summary>Builds small ELF64 x86-64 executables shaped like a vmlinux, for tests that need no real kernel.</summary>
internal static class SyntheticElf
{
    private const int HeaderSize = 64;
    private const int ProgramHeaderSize = 56;

    /// <summary>Builds an ELF whose segments hold <c>(byte)(offset * 7)</c> patterns; a non-loadable note segment comes first.</summary>
    public static byte[] Build(ulong entry, params ElfSegment[] segments)
    {
        var dataStart = HeaderSize + ((segments.Length + 1) * ProgramHeaderSize);
        var fileSize = segments.Length == 0 ? dataStart : (int)segments.Max(segment => segment.FileOffset + segment.FileSize);
        var image = new byte[Math.Max(dataStart, fileSize)];
        "\u007fELF"u8.CopyTo(image);
        image[4] = 2;
        image[5] = 1;
        image[6] = 1;
        BinaryPrimitives.WriteUInt16LittleEndian(image.AsSpan(0x10), 2);
        BinaryPrimitives.WriteUInt16LittleEndian(image.AsSpan(0x12), 62);
        BinaryPrimitives.WriteUInt64LittleEndian(image.AsSpan(0x18), entry);
        BinaryPrimitives.WriteUInt64LittleEndian(image.AsSpan(0x20), HeaderSize);
        BinaryPrimitives.WriteUInt16LittleEndian(image.AsSpan(0x36), ProgramHeaderSize);
        BinaryPrimitives.WriteUInt16LittleEndian(image.AsSpan(0x38), (ushort)(segments.Length + 1));
        BinaryPrimitives.WriteUInt32LittleEndian(image.AsSpan(HeaderSize), 4);
        for (var index = 0; index < segments.Length; index++)
        {
            var header = image.AsSpan(HeaderSize + ((index + 1) * ProgramHeaderSize), ProgramHeaderSize);
            var segment = segments[index];
            BinaryPrimitives.WriteUInt32LittleEndian(header, 1);
            BinaryPrimitives.WriteUInt64LittleEndian(header[0x08..], segment.FileOffset);
            BinaryPrimitives.WriteUInt64LittleEndian(header[0x10..], 0xFFFF_FFFF_8000_0000 + segment.PhysicalAddress);
            BinaryPrimitives.WriteUInt64LittleEndian(header[0x18..], segment.PhysicalAddress);
            BinaryPrimitives.WriteUInt64LittleEndian(header[0x20..], segment.FileSize);
            BinaryPrimitives.WriteUInt64LittleEndian(header[0x28..], segment.MemorySize);
            for (var offset = segment.FileOffset; offset < segment.FileOffset + segment.FileSize; offset++)
            {
                image[offset] = (byte)(offset * 7);
            }
        }

        return image;
    }

    /// <summary>A kernel-like ELF: text at 16 MiB entered at its start, data with zeroed memory after it.</summary>
    public static byte[] Kernel() => Build(
        0x100_0000,
        new ElfSegment(0x100_0000, 0x1000, 0x3000, 0x3000),
        new ElfSegment(0x120_0000, 0x4000, 0x800, 0x2_0000));
}
