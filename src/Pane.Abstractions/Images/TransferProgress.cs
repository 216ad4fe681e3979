namespace Pane.Images;

/// <summary>Progress of a transfer.</summary>
/// <param name="Stage">What is happening (<c>download</c>, <c>verify</c>, <c>copy</c>, <c>build</c>).</param>
/// <param name="BytesDone">Bytes done so far.</param>
/// <param name="BytesTotal">Bytes in all, if known.</param>
public sealed record TransferProgress(string Stage, long BytesDone, long? BytesTotal);
