using System.Buffers;
using System.Security.Cryptography;
using Microsoft.Win32.SafeHandles;

namespace Pane.ImageSources.Downloads;

/// <summary>
/// Copies a stream into a file and through a SHA-256 in one pass. Two buffers overlap the work: while one is hashed
/// and written, the next is being received on another thread.
/// </summary>
internal sealed class HashingCopier
{
    private readonly int _bufferSize;
    private readonly TimeSpan? _stallTimeout;

    /// <summary>Initializes a new instance of the <see cref="HashingCopier"/> class.</summary>
    /// <param name="bufferSize">The size of each buffer.</param>
    /// <param name="stallTimeout">How long one read may take before <see cref="StalledException"/>, or <see langword="null"/> for no limit.</param>
    public HashingCopier(int bufferSize, TimeSpan? stallTimeout)
    {
        _bufferSize = bufferSize;
        _stallTimeout = stallTimeout;
    }

    /// <summary>Copies <paramref name="source"/> to its end.</summary>
    /// <param name="source">What to read.</param>
    /// <param name="target">The file to write at <paramref name="position"/> onwards, or <see langword="null"/> to hash only.</param>
    /// <param name="position">Where in <paramref name="target"/> the first byte goes.</param>
    /// <param name="hash">Receives every byte read.</param>
    /// <param name="advanced">Called with the position after each written chunk, if not <see langword="null"/>.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The position after the last byte.</returns>
    /// <exception cref="StalledException">A read took longer than the stall timeout.</exception>
    public async Task<long> CopyAsync(
        Stream source,
        SafeFileHandle? target,
        long position,
        IncrementalHash hash,
        Action<long>? advanced,
        CancellationToken cancellationToken)
    {
        var buffers = new[] { ArrayPool<byte>.Shared.Rent(_bufferSize), ArrayPool<byte>.Shared.Rent(_bufferSize) };
        using var abandon = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var current = 0;
        var pending = FillLaterAsync(source, buffers[current], abandon.Token);
        try
        {
            while (true)
            {
                var count = await pending.ConfigureAwait(false);
                if (count == 0)
                {
                    return position;
                }

                var chunk = buffers[current];
                current ^= 1;
                pending = FillLaterAsync(source, buffers[current], abandon.Token);
                hash.AppendData(chunk, 0, count);
                if (target is not null)
                {
                    RandomAccess.Write(target, chunk.AsSpan(0, count), position);
                }

                position += count;
                advanced?.Invoke(position);
            }
        }
        finally
        {
            await abandon.CancelAsync().ConfigureAwait(false);
            await ObserveAsync(pending).ConfigureAwait(false);
            ArrayPool<byte>.Shared.Return(buffers[0]);
            ArrayPool<byte>.Shared.Return(buffers[1]);
        }
    }

    private static async Task ObserveAsync(Task<int> pending)
    {
        try
        {
            await pending.ConfigureAwait(false);
        }
        catch (Exception error) when (error is OperationCanceledException or IOException or StalledException or ObjectDisposedException or System.Net.Http.HttpRequestException)
        {
            // The copy is over; the buffer being filled is not used.
        }
    }

    private Task<int> FillLaterAsync(Stream source, byte[] buffer, CancellationToken cancellationToken) =>
        Task.Run(() => FillAsync(source, buffer, cancellationToken), CancellationToken.None);

    private async Task<int> FillAsync(Stream source, byte[] buffer, CancellationToken cancellationToken)
    {
        using var stall = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var filled = 0;
        while (filled < _bufferSize)
        {
            if (_stallTimeout is { } timeout)
            {
                stall.CancelAfter(timeout);
            }

            int read;
            try
            {
                read = await source.ReadAsync(buffer.AsMemory(filled, _bufferSize - filled), stall.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException error) when (!cancellationToken.IsCancellationRequested)
            {
                throw new StalledException("No data arrived within the stall timeout.", error);
            }

            if (read == 0)
            {
                break;
            }

            filled += read;
        }

        return filled;
    }
}
