using System.Security.Cryptography;
using Pane.ImageSources.Debian.Apt;
using Pane.Images;
using Pane.Platform;

namespace Pane.ImageSources.Debian.Build;

/// <summary>
/// Builds a Debian image in a work folder next to its destination: mmdebstrap writes the system as a tarball, a
/// sparse disk file gets its partition table, the tarball becomes the ext4 root filesystem inside it, and the
/// finished disk is hashed and renamed into place. Nothing is left behind, whether the build succeeds or not.
/// </summary>
internal sealed class DebianImageBuilder
{
    /// <summary>The progress stage while mmdebstrap builds the system.</summary>
    public const string BootstrapStage = "bootstrap";

    /// <summary>The progress stage while the disk is partitioned and its filesystem made.</summary>
    public const string FileSystemStage = "filesystem";

    /// <summary>The progress stage while the finished disk is hashed.</summary>
    public const string VerifyStage = "verify";

    private const int HashBufferBytes = 1 << 20;

    private readonly IProcessRunner _runner;

    /// <summary>Initializes a new instance of the <see cref="DebianImageBuilder"/> class.</summary>
    /// <param name="runner">Runs mmdebstrap, sfdisk, tar and mke2fs.</param>
    public DebianImageBuilder(IProcessRunner runner)
    {
        _runner = runner;
    }

    /// <summary>Builds the image.</summary>
    /// <param name="mirror">Where the packages come from.</param>
    /// <param name="identity">Who builds.</param>
    /// <param name="layout">The disk's layout.</param>
    /// <param name="destination">The image file to create or replace.</param>
    /// <param name="progress">Receives progress, if not <see langword="null"/>.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The image's lower-case hexadecimal SHA-256.</returns>
    /// <exception cref="PaneException">A step of the build failed.</exception>
    public async Task<string> BuildAsync(
        DebianMirror mirror,
        BuildIdentity identity,
        DiskLayout layout,
        string destination,
        IProgress<TransferProgress>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mirror);
        ArgumentNullException.ThrowIfNull(layout);
        var folder = Path.GetDirectoryName(Path.GetFullPath(destination))!;
        var work = Directory.CreateDirectory(Path.Combine(folder, $".{Path.GetFileName(destination)}.{Guid.NewGuid():N}.build")).FullName;
        try
        {
            var early = WriteTarball(work, "early.tar", GuestFiles.Early());
            var late = WriteTarball(work, "late.tar", GuestFiles.Late(layout));
            var system = Path.Combine(work, "system.tar");
            progress?.Report(new TransferProgress(BootstrapStage, 0, null));
            var bootstrap = await _runner.RunAsync(BuildCommands.Bootstrap(mirror, identity, early, late, system), cancellationToken).ConfigureAwait(false);
            if (bootstrap.ExitCode != 0)
            {
                throw BootstrapFailure.Explain(bootstrap, mirror);
            }

            var systemBytes = new FileInfo(system).Length;
            progress?.Report(new TransferProgress(FileSystemStage, 0, systemBytes));
            var disk = Path.Combine(work, "disk.raw");
            using (var file = new FileStream(disk, FileMode.CreateNew, FileAccess.Write))
            {
                file.SetLength(layout.DiskBytes);
            }

            var script = Path.Combine(work, "partitions.sfdisk");
            await File.WriteAllTextAsync(script, layout.SfdiskScript, cancellationToken).ConfigureAwait(false);
            (await _runner.RunAsync(BuildCommands.Partition(disk, script), cancellationToken).ConfigureAwait(false)).EnsureSuccess();
            (await _runner.RunAsync(BuildCommands.FileSystem(identity, layout, system, Path.Combine(work, "tree"), disk), cancellationToken).ConfigureAwait(false)).EnsureSuccess();
            progress?.Report(new TransferProgress(FileSystemStage, systemBytes, systemBytes));
            File.Delete(system);

            var sha256 = await HashAsync(disk, progress, cancellationToken).ConfigureAwait(false);
            File.Move(disk, destination, overwrite: true);
            return sha256;
        }
        finally
        {
            TryDelete(work);
        }
    }

    private static string WriteTarball(string work, string name, IReadOnlyList<GuestFile> files)
    {
        var path = Path.Combine(work, name);
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        GuestFiles.WriteTarball(files, stream);
        return path;
    }

    private static async Task<string> HashAsync(string path, IProgress<TransferProgress>? progress, CancellationToken cancellationToken)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, HashBufferBytes, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await using (stream.ConfigureAwait(false))
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[HashBufferBytes];
            long done = 0;
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                done += read;
                if (done % (64 * HashBufferBytes) == 0 || done == stream.Length)
                {
                    progress?.Report(new TransferProgress(VerifyStage, done, stream.Length));
                }
            }

            return Convert.ToHexStringLower(hash.GetHashAndReset());
        }
    }

    private static void TryDelete(string work)
    {
        try
        {
            Directory.Delete(work, recursive: true);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            // A build killed mid-way can leave files that only its user namespace owns; they do no harm.
        }
    }
}
