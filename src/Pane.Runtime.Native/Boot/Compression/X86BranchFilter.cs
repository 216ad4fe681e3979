using System.Runtime.CompilerServices;

namespace Pane.Runtime.Native.Boot.Compression;

/// <summary>
/// The x86 branch/call/jump (BCJ) filter's decoder, as in XZ: compressors turn the relative targets of
/// <c>CALL rel32</c> (E8) and <c>JMP rel32</c> (E9) into absolute ones, which repeat more often; this turns them back.
/// A small history of recent E8/E9 bytes decides, as the encoder did, which of them were converted.
/// </summary>
internal static class X86BranchFilter
{
    private static ReadOnlySpan<bool> AllowedByMask => [true, true, true, false, true, false, false, false];

    private static ReadOnlySpan<byte> ByteIndexByMask => [0, 1, 2, 2, 3, 3, 3, 3];

    /// <summary>Decodes a whole filtered buffer in place.</summary>
    /// <param name="data">The buffer; its last four bytes are never converted, as in a streaming decoder.</param>
    /// <param name="startOffset">The filter's start offset (XZ's property, usually 0).</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Decode(Span<byte> data, uint startOffset)
    {
        var previousMask = 0u;
        var previousPosition = unchecked(startOffset - 5);
        var index = 0;
        while (index <= data.Length - 5)
        {
            var opcode = data[index];
            if (opcode != 0xE8 && opcode != 0xE9)
            {
                index++;
                continue;
            }

            var position = unchecked(startOffset + (uint)index);
            var gap = unchecked(position - previousPosition);
            previousPosition = position;
            if (gap > 5)
            {
                previousMask = 0;
            }
            else
            {
                for (var step = 0u; step < gap; step++)
                {
                    previousMask = (previousMask & 0x77) << 1;
                }
            }

            var high = data[index + 4];
            if (IsSignExtension(high) && AllowedByMask[(int)((previousMask >> 1) & 7)] && (previousMask >> 1) < 0x10)
            {
                var source = (uint)high << 24 | (uint)data[index + 3] << 16 | (uint)data[index + 2] << 8 | data[index + 1];
                uint target;
                while (true)
                {
                    target = unchecked(source - (position + 5));
                    if (previousMask == 0)
                    {
                        break;
                    }

                    var shift = 24 - (ByteIndexByMask[(int)(previousMask >> 1)] * 8);
                    if (!IsSignExtension((byte)(target >> shift)))
                    {
                        break;
                    }

                    source = target ^ ((1u << (shift + 8)) - 1);
                }

                data[index + 4] = (byte)~(((target >> 24) & 1) - 1);
                data[index + 3] = (byte)(target >> 16);
                data[index + 2] = (byte)(target >> 8);
                data[index + 1] = (byte)target;
                index += 5;
                previousMask = 0;
            }
            else
            {
                index++;
                previousMask |= 1;
                if (IsSignExtension(high))
                {
                    previousMask |= 0x10;
                }
            }
        }
    }

    private static bool IsSignExtension(byte value) => value is 0 or 0xFF;
}
