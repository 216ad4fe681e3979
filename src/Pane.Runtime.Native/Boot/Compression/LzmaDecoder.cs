using System.Runtime.CompilerServices;

namespace Pane.Runtime.Native.Boot.Compression;

/// <summary>
/// The LZMA model (literal coder with match-byte context, 12-state machine, four repeated distances, length and
/// distance models) as LZMA2 chunks drive it: properties and state are reset by the chunk headers, and every chunk
/// decodes to exactly its stated size into one output buffer that is also the dictionary.
/// </summary>
internal sealed class LzmaDecoder
{
    private const int States = 12;
    private const int LiteralStates = 7;
    private const int PositionBitsMax = 4;
    private const int LengthToDistanceStates = 4;
    private const int DistanceSlotBits = 6;
    private const int EndDistanceModelSlot = 14;
    private const int FullDistances = 1 << (EndDistanceModelSlot >> 1);
    private const int AlignBits = 4;
    private const int MinimumMatch = 2;
    private const int LiteralCoderSize = 0x300;
    private const int LiteralContextBitsMax = 4;

    private readonly ushort[] _isMatch = new ushort[States << PositionBitsMax];
    private readonly ushort[] _isRepeat = new ushort[States];
    private readonly ushort[] _isRepeat0 = new ushort[States];
    private readonly ushort[] _isRepeat1 = new ushort[States];
    private readonly ushort[] _isRepeat2 = new ushort[States];
    private readonly ushort[] _isRepeat0Long = new ushort[States << PositionBitsMax];
    private readonly ushort[] _distanceSlots = new ushort[LengthToDistanceStates << DistanceSlotBits];
    private readonly ushort[] _distanceSpecial = new ushort[1 + FullDistances - EndDistanceModelSlot];
    private readonly ushort[] _align = new ushort[1 << AlignBits];
    private readonly ushort[] _literals = new ushort[LiteralCoderSize << LiteralContextBitsMax];
    private readonly LzmaLengthDecoder _matchLength = new();
    private readonly LzmaLengthDecoder _repeatLength = new();

    private int _literalContextBits;
    private int _literalPositionMask;
    private int _positionMask;
    private int _state;
    private uint _repeat0;
    private uint _repeat1;
    private uint _repeat2;
    private uint _repeat3;

    /// <summary>Takes the properties byte of an LZMA2 chunk: literal context bits, literal position bits, position bits.</summary>
    /// <param name="properties">(pb * 5 + lp) * 9 + lc.</param>
    /// <exception cref="InvalidDataException">The byte is out of range, or lc + lp exceeds LZMA2's limit of 4.</exception>
    public void SetProperties(byte properties)
    {
        if (properties >= 9 * 5 * 5)
        {
            throw new InvalidDataException($"The LZMA properties byte 0x{properties:x2} is out of range.");
        }

        var literalContext = properties % 9;
        var literalPosition = properties / 9 % 5;
        var position = properties / 45;
        if (literalContext + literalPosition > LiteralContextBitsMax)
        {
            throw new InvalidDataException($"The LZMA properties byte 0x{properties:x2} has lc + lp above 4, which LZMA2 does not allow.");
        }

        _literalContextBits = literalContext;
        _literalPositionMask = (1 << literalPosition) - 1;
        _positionMask = (1 << position) - 1;
    }

    /// <summary>Resets the state machine, the repeated distances and every probability.</summary>
    public void ResetState()
    {
        _state = 0;
        _repeat0 = _repeat1 = _repeat2 = _repeat3 = 0;
        foreach (var probabilities in new[] { _isMatch, _isRepeat, _isRepeat0, _isRepeat1, _isRepeat2, _isRepeat0Long, _distanceSlots, _distanceSpecial, _align, _literals })
        {
            probabilities.AsSpan().Fill(RangeDecoder.InitialProbability);
        }

        _matchLength.Reset();
        _repeatLength.Reset();
    }

    /// <summary>Decodes one chunk's symbols until the output reaches <paramref name="end"/> exactly.</summary>
    /// <param name="decoder">The chunk's range decoder.</param>
    /// <param name="output">The output, which is also the dictionary.</param>
    /// <param name="position">Where the chunk's output starts; on return, <paramref name="end"/>.</param>
    /// <param name="end">Where the chunk's output ends.</param>
    /// <param name="dictionaryStart">Where the dictionary was last reset: no match reaches before it.</param>
    /// <exception cref="InvalidDataException">A match reaches before the dictionary or past the chunk's end, or the chunk's coded data ends early.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Decode(ref RangeDecoder decoder, byte[] output, ref int position, int end, int dictionaryStart)
    {
        while (position < end)
        {
            var positionState = (position - dictionaryStart) & _positionMask;
            if (decoder.DecodeBit(ref _isMatch[(_state << PositionBitsMax) + positionState]) == 0)
            {
                output[position] = DecodeLiteral(ref decoder, output, position, dictionaryStart);
                position++;
                _state = _state < 4 ? 0 : _state < 10 ? _state - 3 : _state - 6;
                continue;
            }

            int length;
            if (decoder.DecodeBit(ref _isRepeat[_state]) != 0)
            {
                CheckDistance(_repeat0, position, dictionaryStart);
                if (decoder.DecodeBit(ref _isRepeat0[_state]) == 0)
                {
                    if (decoder.DecodeBit(ref _isRepeat0Long[(_state << PositionBitsMax) + positionState]) == 0)
                    {
                        _state = _state < LiteralStates ? 9 : 11;
                        output[position] = output[position - (int)_repeat0 - 1];
                        position++;
                        continue;
                    }
                }
                else
                {
                    uint distance;
                    if (decoder.DecodeBit(ref _isRepeat1[_state]) == 0)
                    {
                        distance = _repeat1;
                    }
                    else
                    {
                        if (decoder.DecodeBit(ref _isRepeat2[_state]) == 0)
                        {
                            distance = _repeat2;
                        }
                        else
                        {
                            distance = _repeat3;
                            _repeat3 = _repeat2;
                        }

                        _repeat2 = _repeat1;
                    }

                    _repeat1 = _repeat0;
                    _repeat0 = distance;
                    CheckDistance(_repeat0, position, dictionaryStart);
                }

                length = _repeatLength.Decode(ref decoder, positionState);
                _state = _state < LiteralStates ? 8 : 11;
            }
            else
            {
                _repeat3 = _repeat2;
                _repeat2 = _repeat1;
                _repeat1 = _repeat0;
                length = _matchLength.Decode(ref decoder, positionState);
                _state = _state < LiteralStates ? 7 : 10;
                _repeat0 = DecodeDistance(ref decoder, length);
                CheckDistance(_repeat0, position, dictionaryStart);
            }

            length += MinimumMatch;
            if (length > end - position)
            {
                throw new InvalidDataException("An LZMA match runs past the end of its chunk.");
            }

            CopyMatch(output, position, (int)_repeat0 + 1, length);
            position += length;
        }
    }

    private static void CheckDistance(uint distance, int position, int dictionaryStart)
    {
        if (distance >= (uint)(position - dictionaryStart))
        {
            throw new InvalidDataException($"An LZMA match refers to {distance + 1L} bytes back, before the start of the dictionary.");
        }
    }

    private static void CopyMatch(byte[] output, int position, int distance, int length)
    {
        var source = position - distance;
        if (distance >= length)
        {
            output.AsSpan(source, length).CopyTo(output.AsSpan(position, length));
            return;
        }

        for (var index = 0; index < length; index++)
        {
            output[position + index] = output[source + index];
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private byte DecodeLiteral(ref RangeDecoder decoder, byte[] output, int position, int dictionaryStart)
    {
        var previous = position > dictionaryStart ? output[position - 1] : 0;
        var context = (((position - dictionaryStart) & _literalPositionMask) << _literalContextBits) + (previous >> (8 - _literalContextBits));
        var probabilities = _literals.AsSpan(LiteralCoderSize * context, LiteralCoderSize);
        var symbol = 1;
        if (_state >= LiteralStates)
        {
            int matchByte = output[position - (int)_repeat0 - 1];
            while (symbol < 0x100)
            {
                var matchBit = (matchByte >> 7) & 1;
                matchByte <<= 1;
                var bit = decoder.DecodeBit(ref probabilities[((1 + matchBit) << 8) + symbol]);
                symbol = (symbol << 1) | bit;
                if (bit != matchBit)
                {
                    break;
                }
            }
        }

        while (symbol < 0x100)
        {
            symbol = (symbol << 1) | decoder.DecodeBit(ref probabilities[symbol]);
        }

        return (byte)symbol;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private uint DecodeDistance(ref RangeDecoder decoder, int length)
    {
        var lengthState = Math.Min(length, LengthToDistanceStates - 1);
        var slot = decoder.DecodeTree(_distanceSlots.AsSpan(lengthState << DistanceSlotBits, 1 << DistanceSlotBits), DistanceSlotBits);
        if (slot < 4)
        {
            return (uint)slot;
        }

        var directBits = (slot >> 1) - 1;
        var distance = (2u | ((uint)slot & 1)) << directBits;
        if (slot < EndDistanceModelSlot)
        {
            return distance + decoder.DecodeReverseTree(_distanceSpecial.AsSpan((int)distance - slot), directBits);
        }

        distance += decoder.DecodeDirectBits(directBits - AlignBits) << AlignBits;
        return distance + decoder.DecodeReverseTree(_align, AlignBits);
    }
}
