using System.Buffers.Binary;

namespace Pane.Runtime.Native.Boot.Compression;

/// <summary>
/// LZMA2: a sequence of chunks, each either stored bytes or LZMA-coded bytes with its own sizes, whose header says
/// whether the dictionary, the LZMA state or its properties start afresh (a dictionary reset needs new properties in
/// the next LZMA chunk, as in XZ Utils); a zero byte ends it.
/// </summary>
internal sealed class Lzma2Decoder
{
    private const byte EndMarker = 0x00;
    private const byte StoredWithDictionaryReset = 0x01;
    private const byte Stored = 0x02;
    private const byte LzmaChunk = 0x80;
    private const int StateReset = 1;
    private const int PropertiesReset = 2;
    private const int DictionaryReset = 3;

    private readonly LzmaDecoder _lzma = new();

    /// <summary>Decodes one LZMA2 stream into the output.</summary>
    /// <param name="input">The stream and whatever follows it.</param>
    /// <param name="output">The output buffer.</param>
    /// <param name="position">Where the stream's output starts; on return, where it ended.</param>
    /// <returns>How many input bytes the stream took, its end marker included.</returns>
    /// <exception cref="InvalidDataException">The stream is damaged, truncated or decodes to more than the output holds.</exception>
    public int Decode(ReadOnlySpan<byte> input, byte[] output, ref int position)
    {
        var offset = 0;
        var dictionaryStart = position;
        var needsDictionaryReset = true;
        var needsProperties = true;
        while (true)
        {
            var control = ReadByte(input, ref offset);
            if (control == EndMarker)
            {
                return offset;
            }

            if (control is > Stored and < LzmaChunk)
            {
                throw new InvalidDataException($"The LZMA2 chunk header 0x{control:x2} is not defined.");
            }

            var reset = (control >> 5) & 3;
            if (control == StoredWithDictionaryReset || (control >= LzmaChunk && reset == DictionaryReset))
            {
                dictionaryStart = position;
                needsDictionaryReset = false;
                needsProperties = true;
            }
            else if (needsDictionaryReset)
            {
                throw new InvalidDataException("The LZMA2 stream does not start with a dictionary reset.");
            }

            if (control < LzmaChunk)
            {
                var size = ReadBigEndian16(input, ref offset) + 1;
                var stored = Take(input, ref offset, size);
                CheckRoom(output, position, size);
                stored.CopyTo(output.AsSpan(position));
                position += size;
                continue;
            }

            var unpacked = ((control & 0x1F) << 16) + ReadBigEndian16(input, ref offset) + 1;
            var packed = ReadBigEndian16(input, ref offset) + 1;
            if (reset >= PropertiesReset)
            {
                _lzma.SetProperties(ReadByte(input, ref offset));
                needsProperties = false;
            }
            else if (needsProperties)
            {
                throw new InvalidDataException("An LZMA2 chunk comes before any LZMA properties.");
            }

            if (reset >= StateReset)
            {
                _lzma.ResetState();
            }

            CheckRoom(output, position, unpacked);
            var decoder = new RangeDecoder(Take(input, ref offset, packed));
            _lzma.Decode(ref decoder, output, ref position, position + unpacked, dictionaryStart);
            if (!decoder.IsAtCleanEnd)
            {
                throw new InvalidDataException("An LZMA2 chunk's compressed size does not match its data.");
            }
        }
    }

    private static void CheckRoom(byte[] output, int position, int size)
    {
        if (size > output.Length - position)
        {
            throw new InvalidDataException($"The LZMA2 stream decodes to more than the {output.Length} bytes expected.");
        }
    }

    private static byte ReadByte(ReadOnlySpan<byte> input, ref int offset) => Take(input, ref offset, 1)[0];

    private static int ReadBigEndian16(ReadOnlySpan<byte> input, ref int offset) => BinaryPrimitives.ReadUInt16BigEndian(Take(input, ref offset, 2));

    private static ReadOnlySpan<byte> Take(ReadOnlySpan<byte> input, ref int offset, int count)
    {
        if (count > input.Length - offset)
        {
            throw new InvalidDataException("The LZMA2 stream is truncated.");
        }

        var taken = input.Slice(offset, count);
        offset += count;
        return taken;
    }
}
