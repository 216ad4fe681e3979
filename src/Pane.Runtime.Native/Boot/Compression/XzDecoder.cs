using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Pane.Runtime.Native.Boot.Compression;

/// <summary>
/// Decodes one stream of the XZ format (tukaani.org's xz-file-format): stream header, blocks, index and footer,
/// each header under its CRC-32. A block's filter chain may be LZMA2 alone or the x86 BCJ filter before LZMA2, which
/// is what the Linux kernel's <c>xz_wrap.sh</c> writes; its integrity check (none, CRC-32, CRC-64 or SHA-256) is
/// verified over the decoded bytes.
/// </summary>
internal static class XzDecoder
{
    /// <summary>The bytes an XZ stream starts with.</summary>
    public static ReadOnlySpan<byte> Magic => [0xFD, (byte)'7', (byte)'z', (byte)'X', (byte)'Z', 0x00];

    private const int StreamHeaderSize = 12;
    private const ulong FilterX86 = 0x04;
    private const ulong FilterLzma2 = 0x21;
    private const byte CompressedSizePresent = 0x40;
    private const byte UncompressedSizePresent = 0x80;
    private const byte ReservedBlockFlags = 0x3C;

    private enum Check : byte
    {
        None = 0x00,
        Crc32 = 0x01,
        Crc64 = 0x04,
        Sha256 = 0x0A,
    }

    /// <summary>Decodes the XZ stream at the start of <paramref name="input"/>; what follows its footer is ignored.</summary>
    /// <param name="input">The stream.</param>
    /// <param name="uncompressedSize">How many bytes the stream decodes to.</param>
    /// <returns>The decoded bytes.</returns>
    /// <exception cref="InvalidDataException">The stream is damaged, truncated, or decodes to another size.</exception>
    /// <exception cref="NotSupportedException">The stream is intact as far as read but uses flags, a check or a filter chain Pane does not decode.</exception>
    public static byte[] Decode(ReadOnlySpan<byte> input, int uncompressedSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(uncompressedSize);
        var check = ReadStreamHeader(input);
        var output = new byte[uncompressedSize];
        var produced = 0;
        var offset = StreamHeaderSize;
        var records = new List<(ulong Unpadded, ulong Uncompressed)>();
        while (At(input, offset) != 0)
        {
            var blockStart = produced;
            var headerAndData = DecodeBlock(input, ref offset, output, ref produced);
            offset += VerifyCheck(input[offset..], check, output.AsSpan(blockStart, produced - blockStart));
            records.Add(((ulong)(headerAndData + CheckSize(check)), (ulong)(produced - blockStart)));
        }

        var indexSize = ReadIndex(input[offset..], records);
        ReadStreamFooter(input[(offset + indexSize)..], input[6..8], indexSize);
        if (produced != uncompressedSize)
        {
            throw new InvalidDataException($"The XZ stream decodes to {produced} bytes, not the {uncompressedSize} expected.");
        }

        return output;
    }

    private static Check ReadStreamHeader(ReadOnlySpan<byte> input)
    {
        if (input.Length < StreamHeaderSize || !input.StartsWith(Magic))
        {
            throw new InvalidDataException("The data does not start with an XZ stream header.");
        }

        var flags = input[6..8];
        if (BinaryPrimitives.ReadUInt32LittleEndian(input[8..]) != XzCrc.Crc32(flags))
        {
            throw new InvalidDataException("The XZ stream header is damaged (its CRC-32 does not match).");
        }

        var check = (Check)(flags[1] & 0x0F);
        if (flags[0] != 0 || (flags[1] & 0xF0) != 0 || !Enum.IsDefined(check))
        {
            throw new NotSupportedException($"The XZ stream uses flags 0x{flags[0]:x2}{flags[1]:x2}, which Pane does not decode (checks: none, CRC32, CRC64, SHA-256).");
        }

        return check;
    }

    private static int DecodeBlock(ReadOnlySpan<byte> input, ref int offset, byte[] output, ref int produced)
    {
        var headerSize = (At(input, offset) + 1) * 4;
        var header = Slice(input, offset, headerSize, "block header");
        if (BinaryPrimitives.ReadUInt32LittleEndian(header[^4..]) != XzCrc.Crc32(header[..^4]))
        {
            throw new InvalidDataException($"The XZ block header at offset {offset} is damaged (its CRC-32 does not match).");
        }

        var flags = header[1];
        if ((flags & ReservedBlockFlags) != 0)
        {
            throw new InvalidDataException($"The XZ block header at offset {offset} sets reserved flags.");
        }

        var fields = header[2..^4];
        var position = 0;
        ulong? compressedSize = (flags & CompressedSizePresent) != 0 ? ReadVarint(fields, ref position) : null;
        ulong? uncompressedSize = (flags & UncompressedSizePresent) != 0 ? ReadVarint(fields, ref position) : null;
        var branchStartOffset = ReadFilters(fields, ref position, (flags & 3) + 1);
        if (fields[position..].ContainsAnyExcept((byte)0))
        {
            throw new InvalidDataException($"The XZ block header at offset {offset} has non-zero padding.");
        }

        var dataStart = offset + headerSize;
        var blockOutputStart = produced;
        var consumed = new Lzma2Decoder().Decode(input[dataStart..], output, ref produced);
        if ((compressedSize is { } expectedCompressed && expectedCompressed != (ulong)consumed)
            || (uncompressedSize is { } expectedUncompressed && expectedUncompressed != (ulong)(produced - blockOutputStart)))
        {
            throw new InvalidDataException($"The XZ block at offset {offset} does not have the sizes its header states.");
        }

        if (branchStartOffset is { } start)
        {
            X86BranchFilter.Decode(output.AsSpan(blockOutputStart, produced - blockOutputStart), start);
        }

        var end = dataStart + consumed;
        var padded = (end + 3) & ~3;
        if (Slice(input, end, padded - end, "block padding").ContainsAnyExcept((byte)0))
        {
            throw new InvalidDataException($"The XZ block at offset {offset} has non-zero padding.");
        }

        offset = padded;
        return headerSize + consumed;
    }

    private static uint? ReadFilters(ReadOnlySpan<byte> fields, ref int position, int count)
    {
        uint? branchStartOffset = null;
        for (var index = 0; index < count; index++)
        {
            var id = ReadVarint(fields, ref position);
            var propertiesSize = ReadVarint(fields, ref position);
            if (propertiesSize > (ulong)(fields.Length - position))
            {
                throw new InvalidDataException("An XZ filter's properties run past its block header.");
            }

            var properties = fields.Slice(position, (int)propertiesSize);
            position += properties.Length;
            var isLast = index == count - 1;
            if (id == FilterLzma2 && isLast && properties.Length == 1 && properties[0] <= 40)
            {
                continue;
            }

            if (id == FilterX86 && !isLast && branchStartOffset is null && properties.Length is 0 or 4)
            {
                branchStartOffset = properties.Length == 4 ? BinaryPrimitives.ReadUInt32LittleEndian(properties) : 0;
                continue;
            }

            throw new NotSupportedException($"The XZ block uses filter 0x{id:x2} in a chain Pane does not decode (it decodes LZMA2, optionally after the x86 BCJ filter).");
        }

        return branchStartOffset;
    }

    private static int VerifyCheck(ReadOnlySpan<byte> input, Check check, ReadOnlySpan<byte> data)
    {
        var size = CheckSize(check);
        var stored = Slice(input, 0, size, "block check");
        var matches = check switch
        {
            Check.Crc32 => BinaryPrimitives.ReadUInt32LittleEndian(stored) == XzCrc.Crc32(data),
            Check.Crc64 => BinaryPrimitives.ReadUInt64LittleEndian(stored) == XzCrc.Crc64(data),
            Check.Sha256 => stored.SequenceEqual(SHA256.HashData(data)),
            _ => true,
        };
        if (!matches)
        {
            throw new InvalidDataException($"An XZ block decodes to data whose {check} check does not match: the stream is damaged.");
        }

        return size;
    }

    private static int CheckSize(Check check) => check switch
    {
        Check.Crc32 => 4,
        Check.Crc64 => 8,
        Check.Sha256 => 32,
        _ => 0,
    };

    private static int ReadIndex(ReadOnlySpan<byte> input, List<(ulong Unpadded, ulong Uncompressed)> blocks)
    {
        var position = 1;
        var count = ReadVarint(input, ref position);
        if (count != (ulong)blocks.Count)
        {
            throw new InvalidDataException($"The XZ index lists {count} blocks; the stream has {blocks.Count}.");
        }

        foreach (var block in blocks)
        {
            if (ReadVarint(input, ref position) != block.Unpadded || ReadVarint(input, ref position) != block.Uncompressed)
            {
                throw new InvalidDataException("The XZ index does not match the stream's blocks.");
            }
        }

        var padded = (position + 3) & ~3;
        if (Slice(input, position, padded - position, "index padding").ContainsAnyExcept((byte)0)
            || BinaryPrimitives.ReadUInt32LittleEndian(Slice(input, padded, 4, "index")) != XzCrc.Crc32(input[..padded]))
        {
            throw new InvalidDataException("The XZ index is damaged.");
        }

        return padded + 4;
    }

    private static void ReadStreamFooter(ReadOnlySpan<byte> input, ReadOnlySpan<byte> headerFlags, int indexSize)
    {
        var footer = Slice(input, 0, StreamHeaderSize, "stream footer");
        if (BinaryPrimitives.ReadUInt32LittleEndian(footer) != XzCrc.Crc32(footer[4..10])
            || BinaryPrimitives.ReadUInt32LittleEndian(footer[4..]) != (uint)((indexSize / 4) - 1)
            || !footer[8..10].SequenceEqual(headerFlags)
            || footer[10] != (byte)'Y' || footer[11] != (byte)'Z')
        {
            throw new InvalidDataException("The XZ stream footer is damaged or does not match its header.");
        }
    }

    private static ulong ReadVarint(ReadOnlySpan<byte> input, ref int position)
    {
        var value = 0ul;
        for (var shift = 0; shift < 63; shift += 7)
        {
            var next = At(input, position++);
            value |= (ulong)(next & 0x7F) << shift;
            if ((next & 0x80) == 0)
            {
                if (next == 0 && shift > 0)
                {
                    throw new InvalidDataException("An XZ number is not in its shortest form.");
                }

                return value;
            }
        }

        throw new InvalidDataException("An XZ number is longer than nine bytes.");
    }

    private static byte At(ReadOnlySpan<byte> input, int offset) =>
        offset < input.Length ? input[offset] : throw new InvalidDataException("The XZ stream is truncated.");

    private static ReadOnlySpan<byte> Slice(ReadOnlySpan<byte> input, int offset, int length, string what) =>
        length <= input.Length - offset ? input.Slice(offset, length) : throw new InvalidDataException($"The XZ stream is truncated in its {what}.");
}
