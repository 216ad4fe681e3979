using System.Buffers.Binary;
using System.Text;
using Pane.Runtime.Native.Devices;
using Pane.Runtime.Native.Memory;
using Pane.Runtime.Native.Storage;

namespace Pane.Runtime.Native.Virtio;

/// <summary>
/// A virtio block device (Virtio 1.2, section 5.2) over an <see cref="IBlockDevice"/>: one request queue serving
/// IN, OUT, FLUSH and GET_ID, the whole disk's capacity in 512-byte sectors, and the read-only feature for a disk
/// that refuses writes. Requests run on the given worker; each is answered with a status byte and returned through
/// the used ring, and a malformed one is answered without stopping the device.
/// </summary>
internal sealed class VirtioBlock : IVirtioDevice
{
    /// <summary>The virtio device id of a block device.</summary>
    public const uint BlockDeviceId = 2;

    /// <summary>The sector size of the protocol.</summary>
    public const int SectorSize = 512;

    /// <summary>The largest queue size offered.</summary>
    public const ushort QueueSizeMax = 256;

    /// <summary>The length of the identifier GET_ID returns.</summary>
    public const int IdLength = 20;

#pragma warning disable CS1591 // Feature bits, request types and statuses are named after the specification.
    public const ulong FeatureSegMax = 1UL << 2;
    public const ulong FeatureReadOnly = 1UL << 5;
    public const ulong FeatureFlush = 1UL << 9;
    public const ulong FeatureIndirectDescriptors = 1UL << 28;
    public const uint RequestIn = 0;
    public const uint RequestOut = 1;
    public const uint RequestFlush = 4;
    public const uint RequestGetId = 8;
    public const byte StatusOk = 0;
    public const byte StatusIoError = 1;
    public const byte StatusUnsupported = 2;
#pragma warning restore CS1591

    private const int HeaderSize = 16;
    private const int ConfigSize = 24;

    private readonly object _lock = new();
    private readonly IBlockDevice _disk;
    private readonly GuestMemory _memory;
    private readonly IDeviceWorker _worker;
    private readonly byte[] _id;
    private SplitVirtqueue? _queue;
    private Action? _interrupt;

    /// <summary>Initializes a new instance of the <see cref="VirtioBlock"/> class.</summary>
    /// <param name="disk">The disk; the device does not own it.</param>
    /// <param name="memory">Guest memory.</param>
    /// <param name="worker">Where requests run.</param>
    /// <param name="id">The identifier GET_ID returns, up to 20 ASCII bytes.</param>
    public VirtioBlock(IBlockDevice disk, GuestMemory memory, IDeviceWorker worker, string id)
    {
        ArgumentNullException.ThrowIfNull(disk);
        ArgumentNullException.ThrowIfNull(memory);
        ArgumentNullException.ThrowIfNull(worker);
        ArgumentNullException.ThrowIfNull(id);
        _disk = disk;
        _memory = memory;
        _worker = worker;
        _id = Encoding.ASCII.GetBytes(id.Length > IdLength ? id[..IdLength] : id);
    }

    /// <inheritdoc/>
    public uint DeviceId => BlockDeviceId;

    /// <inheritdoc/>
    public ulong Features =>
        VirtioMmioTransport.FeatureVersion1 | FeatureFlush | FeatureSegMax | FeatureIndirectDescriptors
        | (_disk.IsReadOnly ? FeatureReadOnly : 0);

    /// <inheritdoc/>
    public int QueueCount => 1;

    /// <inheritdoc/>
    public ushort MaxQueueSize => QueueSizeMax;

    /// <summary>Gets the capacity in sectors: the whole disk.</summary>
    public ulong Capacity => (ulong)_disk.Length / SectorSize;

    /// <summary>Gets the number of requests refused as malformed since the device started.</summary>
    public int RefusedRequests { get; private set; }

    /// <inheritdoc/>
    public void ReadConfig(ulong offset, Span<byte> data)
    {
        Span<byte> config = stackalloc byte[ConfigSize];
        BinaryPrimitives.WriteUInt64LittleEndian(config, Capacity);
        BinaryPrimitives.WriteUInt32LittleEndian(config[12..], QueueSizeMax - 2);
        data.Clear();
        if (offset < ConfigSize)
        {
            var available = config[(int)offset..];
            available[..Math.Min(available.Length, data.Length)].CopyTo(data);
        }
    }

    /// <inheritdoc/>
    public void Activate(ulong features, IReadOnlyList<SplitVirtqueue?> queues, Action interrupt)
    {
        ArgumentNullException.ThrowIfNull(queues);
        lock (_lock)
        {
            _queue = queues.Count > 0 ? queues[0] : null;
            _interrupt = interrupt;
        }
    }

    /// <inheritdoc/>
    public void Notify(int queue)
    {
        if (queue == 0)
        {
            _worker.Schedule(ProcessRequests);
        }
    }

    /// <inheritdoc/>
    public void Reset()
    {
        lock (_lock)
        {
            _queue = null;
            _interrupt = null;
        }
    }

    /// <summary>Serves every request the driver has made available, then interrupts if any was completed.</summary>
    public void ProcessRequests()
    {
        Action? interrupt = null;
        lock (_lock)
        {
            if (_queue is not { } queue)
            {
                return;
            }

            var completed = false;
            while (queue.TryTake(out var chain))
            {
                var written = chain!.IsValid ? Serve(chain) : Refuse();
                if (queue.CanComplete(chain))
                {
                    completed |= queue.Complete(chain.Head, written);
                }
            }

            if (completed && !queue.InterruptsSuppressed())
            {
                interrupt = _interrupt;
            }
        }

        interrupt?.Invoke();
    }

    private uint Refuse()
    {
        RefusedRequests++;
        return 0;
    }

    private uint Serve(DescriptorChain chain)
    {
        var access = new ChainAccess(_memory, chain);
        if (access.ReadableLength < HeaderSize || access.WritableLength < 1)
        {
            return Refuse();
        }

        Span<byte> header = stackalloc byte[HeaderSize];
        access.Read(0, header);
        var type = BinaryPrimitives.ReadUInt32LittleEndian(header);
        var sector = BinaryPrimitives.ReadUInt64LittleEndian(header[8..]);
        var dataIn = access.WritableLength - 1;
        var dataOut = access.ReadableLength - HeaderSize;
        var (status, written) = type switch
        {
            RequestIn => Transfer(access, sector, dataIn, toGuest: true),
            RequestOut => Transfer(access, sector, dataOut, toGuest: false),
            RequestFlush => (FlushDisk(), 0L),
            RequestGetId => GetId(access, dataIn),
            _ => (StatusUnsupported, 0L),
        };
        access.Write(access.WritableLength - 1, [status]);
        return (uint)(written + 1);
    }

    private (byte Status, long Written) Transfer(ChainAccess access, ulong sector, long length, bool toGuest)
    {
        if (length % SectorSize != 0 || sector > Capacity || (ulong)(length / SectorSize) > Capacity - sector)
        {
            return (StatusIoError, 0);
        }

        if (!toGuest && _disk.IsReadOnly)
        {
            return (StatusIoError, 0);
        }

        var offset = (long)sector * SectorSize;
        try
        {
            if (toGuest)
            {
                access.VisitWritable(0, length, (guest, done) => _disk.Read(offset + done, guest));
                return (StatusOk, length);
            }

            access.VisitReadable(HeaderSize, length, (guest, done) => _disk.Write(offset + done, guest));
            return (StatusOk, 0);
        }
        catch (IOException)
        {
            return (StatusIoError, 0);
        }
    }

    private byte FlushDisk()
    {
        try
        {
            _disk.Flush();
            return StatusOk;
        }
        catch (IOException)
        {
            return StatusIoError;
        }
    }

    private (byte Status, long Written) GetId(ChainAccess access, long room)
    {
        Span<byte> id = stackalloc byte[IdLength];
        _id.CopyTo(id);
        var count = (int)Math.Min(room, IdLength);
        access.Write(0, id[..count]);
        return (StatusOk, count);
    }
}
