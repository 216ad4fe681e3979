using Pane.Host.Images;

namespace Pane.Host.Cli.Image.Progress;

/// <summary>
/// One line of <c>--json</c> output of <c>pane image pull|import|verify</c> (newline-delimited JSON): a
/// <c>progress</c> event while bytes move, then one <c>image</c> event per image at the end.
/// </summary>
/// <param name="Event"><c>progress</c> or <c>image</c>.</param>
/// <param name="Stage">For progress: <c>download</c>, <c>verify</c>, <c>copy</c> or <c>build</c>.</param>
/// <param name="BytesDone">For progress: bytes done in this stage.</param>
/// <param name="BytesTotal">For progress: bytes in all, if known.</param>
/// <param name="BytesPerSecond">For progress: the recent rate.</param>
/// <param name="EtaSeconds">For progress: seconds left at that rate, if the total is known.</param>
/// <param name="Image">For image: the image's metadata.</param>
/// <param name="Status">For image: <c>added</c>, <c>present</c> (it was in the store already), <c>ok</c> or <c>mismatch</c> (verify), <c>missing</c>.</param>
/// <param name="ActualSha256">For a verify mismatch: the file's SHA-256 now.</param>
internal sealed record TransferEvent(
    string Event,
    string? Stage = null,
    long? BytesDone = null,
    long? BytesTotal = null,
    double? BytesPerSecond = null,
    double? EtaSeconds = null,
    StoredImage? Image = null,
    string? Status = null,
    string? ActualSha256 = null);
