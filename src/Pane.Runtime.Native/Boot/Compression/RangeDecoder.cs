using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Pane.Runtime.Native.Boot.Compression;

/// <summary>
/// LZMA's binary range decoder over one chunk of compressed bytes: adaptive bits with 11-bit probabilities and
/// direct (equiprobable) bits. A chunk starts with a zero byte and four bytes of code; reading past its end is an error.
/// The decoder's hot methods are compiled optimized at once: a kernel is decoded once, in a process that has just
/// started, before tiered compilation would have replaced slow first-tier code.
/// </summary>
internal ref struct RangeDecoder
{
    /// <summary>A probability before any bit has been seen: one half.</summary>
    public const ushort InitialProbability = 1 << (ProbabilityBits - 1);

    private const int ProbabilityBits = 11;
    private const int AdaptationShift = 5;
    private const uint NormalizeBelow = 1u << 24;

    private readonly ReadOnlySpan<byte> _input;
    private int _position;
    private uint _range;
    private uint _code;

    /// <summary>Initializes a new instance of the <see cref="RangeDecoder"/> struct at the start of a chunk.</summary>
    /// <param name="input">The chunk's compressed bytes, exactly.</param>
    /// <exception cref="InvalidDataException">The chunk is shorter than its five-byte start or does not start with zero.</exception>
    public RangeDecoder(ReadOnlySpan<byte> input)
    {
        if (input.Length < 5 || input[0] != 0)
        {
            throw new InvalidDataException("An LZMA chunk does not start with the range coder's zero byte.");
        }

        _input = input;
        _code = BinaryPrimitives.ReadUInt32BigEndian(input[1..]);
        _range = uint.MaxValue;
        _position = 5;
    }

    /// <summary>Gets a value indicating whether the whole chunk was read and the coder ended cleanly.</summary>
    public readonly bool IsAtCleanEnd => _position == _input.Length && _code == 0;

    /// <summary>Decodes one bit with an adaptive probability, and adapts it.</summary>
    /// <param name="probability">The probability that the bit is zero, in units of 1/2048.</param>
    /// <returns>The bit.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int DecodeBit(ref ushort probability)
    {
        var bound = (_range >> ProbabilityBits) * probability;
        int bit;
        if (_code < bound)
        {
            _range = bound;
            probability += (ushort)(((1 << ProbabilityBits) - probability) >> AdaptationShift);
            bit = 0;
        }
        else
        {
            _range -= bound;
            _code -= bound;
            probability -= (ushort)(probability >> AdaptationShift);
            bit = 1;
        }

        if (_range < NormalizeBelow)
        {
            Normalize();
        }

        return bit;
    }

    /// <summary>Decodes bits that are equally likely to be zero or one, most significant first.</summary>
    /// <param name="count">How many, at most 26.</param>
    /// <returns>The bits as a number.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public uint DecodeDirectBits(int count)
    {
        var result = 0u;
        for (var index = 0; index < count; index++)
        {
            _range >>= 1;
            var one = _code >= _range;
            if (one)
            {
                _code -= _range;
            }

            result = (result << 1) | (one ? 1u : 0u);
            if (_range < NormalizeBelow)
            {
                Normalize();
            }
        }

        return result;
    }

    /// <summary>Decodes a symbol of <paramref name="bits"/> bits through a binary tree of probabilities, most significant bit first.</summary>
    /// <param name="probabilities">The tree: index 1 is its root, entry 0 unused.</param>
    /// <param name="bits">The symbol's width.</param>
    /// <returns>The symbol.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int DecodeTree(Span<ushort> probabilities, int bits)
    {
        var node = 1;
        for (var index = 0; index < bits; index++)
        {
            node = (node << 1) | DecodeBit(ref probabilities[node]);
        }

        return node - (1 << bits);
    }

    /// <summary>Decodes a symbol through a binary tree of probabilities, least significant bit first.</summary>
    /// <param name="probabilities">The tree: index 1 is its root.</param>
    /// <param name="bits">The symbol's width.</param>
    /// <returns>The symbol.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public uint DecodeReverseTree(Span<ushort> probabilities, int bits)
    {
        var node = 1;
        var symbol = 0u;
        for (var index = 0; index < bits; index++)
        {
            var bit = DecodeBit(ref probabilities[node]);
            node = (node << 1) | bit;
            symbol |= (uint)bit << index;
        }

        return symbol;
    }

    private void Normalize()
    {
        if (_position >= _input.Length)
        {
            throw new InvalidDataException("An LZMA chunk ends before its range-coded data does.");
        }

        _range <<= 8;
        _code = (_code << 8) | _input[_position++];
    }
}
