using System.Buffers.Binary;
using Pane.Host.Platform.Kvm;

namespace Pane.Host.Tests.Platform.Kvm;

public sealed class KvmExitTests
{
    private static byte[] RunArea(KvmExitReason reason)
    {
        var area = new byte[8192];
        BinaryPrimitives.WriteUInt32LittleEndian(area.AsSpan(KvmExit.ExitReasonOffset), (uint)reason);
        return area;
    }

    private static byte[] IoArea(byte direction, byte size, ushort port, ulong dataOffset, byte data)
    {
        var area = RunArea(KvmExitReason.Io);
        area[KvmExit.UnionOffset] = direction;
        area[KvmExit.UnionOffset + 1] = size;
        BinaryPrimitives.WriteUInt16LittleEndian(area.AsSpan(KvmExit.UnionOffset + 2), port);
        BinaryPrimitives.WriteUInt32LittleEndian(area.AsSpan(KvmExit.UnionOffset + 4), 1);
        BinaryPrimitives.WriteUInt64LittleEndian(area.AsSpan(KvmExit.UnionOffset + 8), dataOffset);
        if (dataOffset < (ulong)area.Length)
        {
            area[dataOffset] = data;
        }

        return area;
    }

    public sealed class Decode
    {
        [Fact]
        public void Reads_an_io_write_with_its_port_size_and_data_byte()
        {
            // Given
            var area = IoArea(direction: 1, size: 1, port: 0x10, dataOffset: 4096, data: 0x42);

            // When
            var exit = KvmExit.Decode(area);

            // Then
            Assert.Equal(new KvmExit(KvmExitReason.Io, IsIoWrite: true, IoPort: 0x10, IoSize: 1, IoData: 0x42), exit);
            Assert.Equal("an I/O write of 1 byte(s) 0x42 on port 0x10", exit.ToString());
        }

        [Fact]
        public void Reads_an_io_read_as_not_a_write()
        {
            // Given
            var area = IoArea(direction: 0, size: 2, port: 0x3f8, dataOffset: 4096, data: 0);

            // When
            var exit = KvmExit.Decode(area);

            // Then
            Assert.False(exit.IsIoWrite);
            Assert.Equal(0x3f8, exit.IoPort);
            Assert.Equal(2, exit.IoSize);
        }

        [Fact]
        public void Leaves_the_data_out_when_its_offset_lies_beyond_the_area()
        {
            // Given
            var area = IoArea(direction: 1, size: 1, port: 0x10, dataOffset: ulong.MaxValue, data: 0);

            // When
            var exit = KvmExit.Decode(area);

            // Then
            Assert.Equal(KvmExitReason.Io, exit.Reason);
            Assert.Null(exit.IoData);
        }

        [Fact]
        public void Reads_a_halt()
        {
            // Given
            var area = RunArea(KvmExitReason.Halt);

            // When
            var exit = KvmExit.Decode(area);

            // Then
            Assert.Equal(new KvmExit(KvmExitReason.Halt), exit);
            Assert.Equal("HLT", exit.ToString());
        }

        [Fact]
        public void Reads_the_hardware_reason_of_an_entry_failure()
        {
            // Given
            var area = RunArea(KvmExitReason.FailEntry);
            BinaryPrimitives.WriteUInt64LittleEndian(area.AsSpan(KvmExit.UnionOffset), 0x80000021);

            // When
            var exit = KvmExit.Decode(area);

            // Then
            Assert.Equal(0x80000021UL, exit.Code);
            Assert.Equal("an entry failure (hardware reason 0x80000021)", exit.ToString());
        }

        [Fact]
        public void Reads_the_sub_error_of_an_internal_error()
        {
            // Given
            var area = RunArea(KvmExitReason.InternalError);
            BinaryPrimitives.WriteUInt32LittleEndian(area.AsSpan(KvmExit.UnionOffset), 1);

            // When
            var exit = KvmExit.Decode(area);

            // Then
            Assert.Equal("an internal error (sub-error 1)", exit.ToString());
        }

        [Fact]
        public void Names_an_exit_reason_it_does_not_know_by_number()
        {
            // Given
            var area = RunArea((KvmExitReason)77);

            // When
            var exit = KvmExit.Decode(area);

            // Then
            Assert.Equal("exit reason 77", exit.ToString());
        }

        [Fact]
        public void Reads_an_area_too_short_to_hold_an_exit_as_unknown()
        {
            // Given
            var area = new byte[KvmExit.MinimumAreaLength - 1];
            area[KvmExit.ExitReasonOffset] = (byte)KvmExitReason.Halt;

            // When
            var exit = KvmExit.Decode(area);

            // Then
            Assert.Equal(KvmExitReason.Unknown, exit.Reason);
        }
    }
}
