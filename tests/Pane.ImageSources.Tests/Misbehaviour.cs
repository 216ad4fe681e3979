namespace Pane.ImageSources.Tests;

/// <summary>How <see cref="TestHttpServer"/> answers one request.</summary>
internal sealed record Misbehaviour
{
    /// <summary>Gets an honest answer.</summary>
    public static Misbehaviour None { get; } = new();

    /// <summary>Gets the status to answer with instead of the file, if any.</summary>
    public int? Status { get; init; }

    /// <summary>
    /// Gets after how many body bytes the connection is closed short of its announced length, if at all. The close is
    /// an orderly one, so the client surely reads every byte sent before it sees the connection end; a reset would
    /// discard what it had not read yet, and whether anything was kept would depend on timing.
    /// </summary>
    public int? CutAfter { get; init; }

    /// <summary>Gets after how many body bytes the response stops sending without closing, if at all.</summary>
    public int? StallAfter { get; init; }

    /// <summary>Gets after how many body bytes the response waits for <see cref="TestHttpServer.Resume"/>, if at all.</summary>
    public int? PauseAfter { get; init; }

    /// <summary>Gets how many bytes more than it sends the response announces in <c>Content-Length</c>.</summary>
    public int ExtraAnnouncedBytes { get; init; }

    /// <summary>Gets a value indicating whether every byte of the file is sent altered.</summary>
    public bool WrongBytes { get; init; }

    public static Misbehaviour Answer(int status) => new() { Status = status };

    public static Misbehaviour Cut(int after) => new() { CutAfter = after };

    public static Misbehaviour Stall(int after) => new() { StallAfter = after };

    public static Misbehaviour Pause(int after) => new() { PauseAfter = after };
}
