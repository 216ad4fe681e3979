using Pane.Host.Cli.Image;

namespace Pane.Host.Tests.Cli.Image;

/// <summary>Standard output as bytes, kept in memory so a test can compare them.</summary>
internal sealed class CapturedBinaryOutput : IBinaryOutput, IDisposable
{
    private readonly MemoryStream _bytes = new();

    public byte[] Bytes => _bytes.ToArray();

    public Stream Open() => new NonClosingStream(_bytes);

    public void Dispose() => _bytes.Dispose();

    private sealed class NonClosingStream(Stream inner) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => inner.Length;

        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    }
}
