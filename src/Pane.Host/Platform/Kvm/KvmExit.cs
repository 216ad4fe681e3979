using System.Buffers.Binary;
using System.Globalization;

namespace Pane.Host.Platform.Kvm;

/// <summary>One exit of a vCPU, decoded from its shared <c>kvm_run</c> area.</summary>
/// <param name="Reason">Why the vCPU stopped.</param>
/// <param name="IsIoWrite">For <see cref="KvmExitReason.Io"/>: whether the guest wrote (OUT) rather than read.</param>
/// <param name="IoPort">For <see cref="KvmExitReason.Io"/>: the port.</param>
/// <param name="IoSize">For <see cref="KvmExitReason.Io"/>: the access width in bytes.</param>
/// <param name="IoData">For <see cref="KvmExitReason.Io"/>: the first data byte, if the area holds it.</param>
/// <param name="Code">For entry failures and internal errors: the hardware reason or KVM's sub-error.</param>
internal readonly record struct KvmExit(
    KvmExitReason Reason,
    bool IsIoWrite = false,
    ushort IoPort = 0,
    byte IoSize = 0,
    byte? IoData = null,
    ulong Code = 0)
{
    /// <summary>The offset of <c>exit_reason</c> in <c>struct kvm_run</c>.</summary>
    public const int ExitReasonOffset = 8;

    /// <summary>The offset of the exit-specific union in <c>struct kvm_run</c>.</summary>
    public const int UnionOffset = 32;

    /// <summary>The smallest area <see cref="Decode"/> can read.</summary>
    public const int MinimumAreaLength = UnionOffset + 16;

    /// <summary>Decodes the exit from a copy of the <c>kvm_run</c> area.</summary>
    /// <param name="run">The area's bytes, in host (little-endian) order.</param>
    /// <returns>The exit; an area too short to hold one decodes as <see cref="KvmExitReason.Unknown"/>.</returns>
    public static KvmExit Decode(ReadOnlySpan<byte> run)
    {
        if (run.Length < MinimumAreaLength)
        {
            return new KvmExit(KvmExitReason.Unknown);
        }

        var reason = (KvmExitReason)BinaryPrimitives.ReadUInt32LittleEndian(run[ExitReasonOffset..]);
        var union = run[UnionOffset..];
        switch (reason)
        {
            case KvmExitReason.Io:
                // struct { __u8 direction; __u8 size; __u16 port; __u32 count; __u64 data_offset; }
                var dataOffset = BinaryPrimitives.ReadUInt64LittleEndian(union[8..]);
                byte? data = dataOffset < (ulong)run.Length ? run[(int)dataOffset] : null;
                return new KvmExit(
                    reason,
                    IsIoWrite: union[0] == 1,
                    IoPort: BinaryPrimitives.ReadUInt16LittleEndian(union[2..]),
                    IoSize: union[1],
                    IoData: data);
            case KvmExitReason.FailEntry:
                return new KvmExit(reason, Code: BinaryPrimitives.ReadUInt64LittleEndian(union));
            case KvmExitReason.InternalError:
                return new KvmExit(reason, Code: BinaryPrimitives.ReadUInt32LittleEndian(union));
            default:
                return new KvmExit(reason);
        }
    }

    /// <inheritdoc/>
    public override string ToString() => Reason switch
    {
        KvmExitReason.Io => string.Create(
            CultureInfo.InvariantCulture,
            $"an I/O {(IsIoWrite ? "write" : "read")} of {IoSize} byte(s){(IoData is { } data ? $" 0x{data:x2}" : string.Empty)} on port 0x{IoPort:x}"),
        KvmExitReason.Halt => "HLT",
        KvmExitReason.Shutdown => "a shutdown (the guest triple-faulted)",
        KvmExitReason.FailEntry => string.Create(CultureInfo.InvariantCulture, $"an entry failure (hardware reason 0x{Code:x})"),
        KvmExitReason.InternalError => string.Create(CultureInfo.InvariantCulture, $"an internal error (sub-error {Code})"),
        KvmExitReason.Interrupted => "an interruption by a signal",
        _ when Enum.IsDefined(Reason) => $"exit {Reason}",
        _ => string.Create(CultureInfo.InvariantCulture, $"exit reason {(uint)Reason}"),
    };
}
