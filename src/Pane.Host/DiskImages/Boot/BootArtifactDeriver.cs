using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Pane.Platform;

namespace Pane.Host.DiskImages.Boot;

/// <summary>
/// Derives boot artifacts into <c>PANE_HOME/cache/boot/&lt;key&gt;/</c> (<c>kernel</c>, <c>initramfs</c>,
/// <c>boot.json</c>, each written atomically, <c>boot.json</c> last) and serves them from there while the image is
/// unchanged.
/// </summary>
internal sealed class BootArtifactDeriver : IBootArtifactDeriver
{
    private const string RecordName = "boot.json";
    private const string KernelName = "kernel";
    private const string InitramfsName = "initramfs";

    private readonly IFileSystemOpener _opener;
    private readonly string _cacheRoot;
    private readonly ImageHasher _hasher;

    public BootArtifactDeriver(IPaneHome home, IFileSystemOpener opener)
    {
        ArgumentNullException.ThrowIfNull(home);
        _opener = opener;
        _cacheRoot = Path.Combine(home.CacheDirectory, "boot");
        _hasher = new ImageHasher(Path.Combine(_cacheRoot, "image-hashes.json"));
    }

    public async Task<DerivedBootArtifacts> DeriveAsync(string imagePath, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(imagePath);
        var key = await ComputeKeyAsync(imagePath, cancellationToken).ConfigureAwait(false);
        var folder = Path.Combine(_cacheRoot, key);
        var cached = TryLoad(folder, key);
        if (cached is not null)
        {
            return cached;
        }

        using var volumes = ImageVolumes.Open(imagePath, _opener);
        var artifacts = BootArtifactLocator.Locate(volumes, out var bootVolume);
        var fileSystem = bootVolume.FileSystem!;
        await ExtractAsync(fileSystem, artifacts.KernelPath, Path.Combine(folder, KernelName), cancellationToken).ConfigureAwait(false);
        if (artifacts.InitramfsPath is { } initramfs)
        {
            await ExtractAsync(fileSystem, initramfs, Path.Combine(folder, InitramfsName), cancellationToken).ConfigureAwait(false);
        }

        await AtomicFile.WriteAsync(
            Path.Combine(folder, RecordName),
            (target, token) => JsonSerializer.SerializeAsync(target, BootCacheRecord.From(artifacts, volumes.Table.Warnings), BootCacheJsonContext.Default.BootCacheRecord, token),
            cancellationToken).ConfigureAwait(false);
        return Result(folder, key, artifacts, volumes.Table.Warnings, fromCache: false);
    }

    private static async Task ExtractAsync(ILinuxFileSystem fileSystem, string path, string target, CancellationToken cancellationToken)
    {
        var source = fileSystem.OpenFile(path);
        await using (source.ConfigureAwait(false))
        {
            await AtomicFile.CopyAsync(source, target, cancellationToken).ConfigureAwait(false);
        }
    }

    private static DerivedBootArtifacts? TryLoad(string folder, string key)
    {
        BootCacheRecord? record;
        try
        {
            using var stream = File.OpenRead(Path.Combine(folder, RecordName));
            record = JsonSerializer.Deserialize(stream, BootCacheJsonContext.Default.BootCacheRecord);
        }
        catch (Exception error) when (error is FileNotFoundException or DirectoryNotFoundException or JsonException)
        {
            return null;
        }

        if (record is null || !File.Exists(Path.Combine(folder, KernelName))
            || (record.InitramfsPath is not null && !File.Exists(Path.Combine(folder, InitramfsName))))
        {
            return null;
        }

        return Result(folder, key, record.ToArtifacts(), record.Warnings ?? [], fromCache: true);
    }

    private static DerivedBootArtifacts Result(string folder, string key, BootArtifacts artifacts, IReadOnlyList<string> warnings, bool fromCache) => new()
    {
        Warnings = warnings,
        ImageSha256 = key,
        CacheDirectory = folder,
        KernelFile = Path.Combine(folder, KernelName),
        InitramfsFile = artifacts.InitramfsPath is null ? null : Path.Combine(folder, InitramfsName),
        Artifacts = artifacts,
        FromCache = fromCache,
    };

    private async Task<string> ComputeKeyAsync(string imagePath, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> chain;
        using (var image = DiskImage.Open(imagePath))
        {
            chain = [image.Path, .. image.BackingChain];
        }

        var hashes = new List<string>();
        foreach (var file in chain)
        {
            hashes.Add(await _hasher.GetSha256Async(file, cancellationToken).ConfigureAwait(false));
        }

        return hashes.Count == 1
            ? hashes[0]
            : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', hashes))));
    }
}
