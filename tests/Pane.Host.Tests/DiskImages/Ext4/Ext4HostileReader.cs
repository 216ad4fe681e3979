using System.Text.RegularExpressions;
using Pane.Host.DiskImages;
using Pane.Host.DiskImages.Ext4;

namespace Pane.Host.Tests.DiskImages.Ext4;

/// <summary>
/// Reads all of a possibly damaged filesystem as a user of the reader would: opens it, lists the whole tree, reads
/// every file and follows every symbolic link. Damage may only show as an <see cref="ImageFormatException"/> whose
/// message names the structure; any other exception, not finishing in time, or allocating more than
/// <see cref="BoundedRead.AllocationBound"/> fails the test with the image's name.
/// </summary>
internal static partial class Ext4HostileReader
{
    private const long WholeReadLimit = 64L << 20;
    /// <summary>Reads everything, and returns how many <see cref="ImageFormatException"/>s it met.</summary>
    public static int ReadEverything(byte[] image, string name) =>
        BoundedRead.Run(name, image.Length, token => ReadAll(image, token));

    private static int ReadAll(byte[] image, CancellationToken cancellation)
    {
        var failures = 0;
        var buffer = new byte[1 << 20];
        Ext4FileSystem fileSystem;
        try
        {
            fileSystem = Ext4FileSystem.Open(new MemoryStream(image, writable: false));
        }
        catch (ImageFormatException error)
        {
            CheckMessage(error);
            return 1;
        }

        using (fileSystem)
        {
            _ = fileSystem.Features;
            var visited = new HashSet<ulong>();
            var pending = new Queue<string>();
            pending.Enqueue("/");
            while (pending.Count > 0)
            {
                cancellation.ThrowIfCancellationRequested();
                var directory = pending.Dequeue();
                IReadOnlyList<FileSystemEntry> entries;
                try
                {
                    entries = fileSystem.ListDirectory(directory);
                }
                catch (ImageFormatException error)
                {
                    CheckMessage(error);
                    failures++;
                    continue;
                }

                foreach (var entry in entries)
                {
                    if (entry.Kind == FileSystemEntryKind.Directory && visited.Add(entry.Inode))
                    {
                        pending.Enqueue(entry.Path);
                    }
                    else if (entry.Kind is FileSystemEntryKind.File or FileSystemEntryKind.SymbolicLink)
                    {
                        failures += Read(fileSystem, entry.Path, entry.Kind, buffer, cancellation);
                    }
                }
            }
        }

        return failures;
    }

    private static int Read(Ext4FileSystem fileSystem, string path, FileSystemEntryKind kind, byte[] buffer, CancellationToken cancellation)
    {
        cancellation.ThrowIfCancellationRequested();
        try
        {
            if (kind == FileSystemEntryKind.SymbolicLink
                && fileSystem.GetEntry(path, followFinalSymlink: true) is not { Kind: FileSystemEntryKind.File })
            {
                return 0;
            }

            using var stream = fileSystem.OpenFile(path);
            if (stream.Length > WholeReadLimit)
            {
                stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
                stream.Position = stream.Length / 2;
                stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
                stream.Position = Math.Max(0, stream.Length - buffer.Length);
            }

            while (stream.Read(buffer) > 0)
            {
                cancellation.ThrowIfCancellationRequested();
            }

            return 0;
        }
        catch (ImageFormatException error)
        {
            CheckMessage(error);
            return 1;
        }
    }

    private static void CheckMessage(ImageFormatException error)
    {
        Assert.Matches(StructureName(), error.Message);
        Assert.False(string.IsNullOrWhiteSpace(error.Remedy), $"No remedy for: {error.Message}");
    }

    [GeneratedRegex("superblock|group|inode|block|extent|directory|volume|symbolic link|feature", RegexOptions.IgnoreCase)]
    private static partial Regex StructureName();
}
