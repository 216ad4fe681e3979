using System.Security.Cryptography;
using System.Text.Json;

namespace Pane.Host.DiskImages.Boot;

/// <summary>
/// Hashes image files with SHA-256, remembering each hash per (path, size, modification time) in
/// <c>image-hashes.json</c> so that a multi-GiB image is hashed again only when it changes. Concurrent callers
/// may hash the same file twice; the memo file is always replaced whole.
/// </summary>
internal sealed class ImageHasher
{
    private readonly string _memoFile;

    public ImageHasher(string memoFile)
    {
        _memoFile = memoFile;
    }

    public async Task<string> GetSha256Async(string path, CancellationToken cancellationToken)
    {
        var file = new FileInfo(Path.GetFullPath(path));
        var size = file.Length;
        var modified = file.LastWriteTimeUtc.Ticks;
        var memos = Load();
        if (memos.TryGetValue(file.FullName, out var memo) && memo.Size == size && memo.ModifiedTicks == modified)
        {
            return memo.Sha256;
        }

        string sha256;
        var stream = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 1024 * 1024, useAsync: true);
        await using (stream.ConfigureAwait(false))
        {
            sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false));
        }

        memos[file.FullName] = new ImageHashMemo(size, modified, sha256);
        await AtomicFile.WriteAsync(
            _memoFile,
            (target, token) => JsonSerializer.SerializeAsync(target, memos, BootCacheJsonContext.Default.DictionaryStringImageHashMemo, token),
            cancellationToken).ConfigureAwait(false);
        return sha256;
    }

    private Dictionary<string, ImageHashMemo> Load()
    {
        try
        {
            using var stream = File.OpenRead(_memoFile);
            return JsonSerializer.Deserialize(stream, BootCacheJsonContext.Default.DictionaryStringImageHashMemo) ?? [];
        }
        catch (Exception error) when (error is FileNotFoundException or DirectoryNotFoundException or JsonException)
        {
            return [];
        }
    }
}
