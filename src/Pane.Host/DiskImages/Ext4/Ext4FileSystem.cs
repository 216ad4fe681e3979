namespace Pane.Host.DiskImages.Ext4;

/// <summary>
/// A read-only ext2, ext3 or ext4 filesystem. Reads everything Linux writes by default and more: 64bit, meta_bg,
/// flex_bg and sparse_super layouts, extent trees of any depth (unwritten extents read as zeros), direct and
/// indirect block maps, holes, inline data, linear and htree directories, fast and slow symbolic links. Every
/// structure is checked against the filesystem's geometry before it is used, so a damaged or hostile image fails
/// with an <see cref="ImageFormatException"/> that names the structure, never with a crash or a hang.
/// </summary>
/// <remarks>Instances are safe to use from several threads; each stream from <see cref="OpenFile"/> is not.</remarks>
public sealed class Ext4FileSystem : ILinuxFileSystem
{
    private const uint RootInode = 2;
    private const int MaxSymlinkFollows = 40;
    private const int RecentDirectoryCount = 8;

    private readonly Ext4Superblock _superblock;
    private readonly Ext4GroupDescriptors _descriptors;
    private readonly bool _hugeFile;
    private readonly DirectoryIndex?[] _recentDirectories = new DirectoryIndex?[RecentDirectoryCount];
    private int _nextRecentDirectory;

    private Ext4FileSystem(Ext4Volume volume, Ext4Superblock superblock)
    {
        Volume = volume;
        _superblock = superblock;
        _descriptors = new Ext4GroupDescriptors(volume, superblock);
        _hugeFile = superblock.HasRoCompat(Ext4Features.RoCompatHugeFile);
        Type = Ext4Features.TypeName(superblock.Compat, superblock.Incompat, superblock.RoCompat);
        Features = Ext4Features.Names(superblock.Compat, superblock.Incompat, superblock.RoCompat);
    }

    /// <inheritdoc/>
    public string Type { get; }

    /// <inheritdoc/>
    public string? Label => _superblock.Label.Length == 0 ? null : _superblock.Label;

    /// <inheritdoc/>
    public Guid? Uuid => _superblock.Uuid == Guid.Empty ? null : _superblock.Uuid;

    /// <inheritdoc/>
    public IReadOnlyList<string> Features { get; }

    /// <summary>Gets the block size in bytes.</summary>
    public int BlockSize => _superblock.BlockSize;

    internal Ext4Volume Volume { get; }

    internal bool HasFileType => _superblock.Has(Ext4Features.IncompatFileType);

    /// <summary>Opens the ext2/3/4 filesystem in a stream of its bytes (a partition, or a bare filesystem image).</summary>
    /// <param name="volume">A readable, seekable stream that starts at the filesystem's first byte. The filesystem owns
    /// it from now on and disposes it.</param>
    /// <returns>The filesystem.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="volume"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="volume"/> cannot read or seek.</exception>
    /// <exception cref="ImageFormatException">The stream holds no ext2/3/4 filesystem, its superblock is damaged, or it
    /// needs an incompatible feature this reader does not read (the message names it).</exception>
    public static Ext4FileSystem Open(Stream volume)
    {
        ArgumentNullException.ThrowIfNull(volume);
        if (!volume.CanRead || !volume.CanSeek)
        {
            throw new ArgumentException("The volume stream must be readable and seekable.", nameof(volume));
        }

        var access = new Ext4Volume(volume);
        if (access.Length < Ext4Superblock.Offset + Ext4Superblock.Size)
        {
            throw Ext4Errors.Damaged($"The volume ({access.Length} bytes) is too small to hold an ext2/3/4 superblock.");
        }

        var raw = new byte[Ext4Superblock.Size];
        access.ReadAt(Ext4Superblock.Offset, raw, "superblock");
        var superblock = Ext4Superblock.Parse(raw);
        access.BlockSize = superblock.BlockSize;
        access.BlockCount = superblock.BlockCount;
        return new Ext4FileSystem(access, superblock);
    }

    /// <inheritdoc/>
    public FileSystemEntry? GetEntry(string path, bool followFinalSymlink = true)
    {
        ArgumentNullException.ThrowIfNull(path);
        var inode = Resolve(path, followFinalSymlink);
        return inode is null ? null : ToEntry(inode, NameOf(path), Normalize(path));
    }

    /// <inheritdoc/>
    public IReadOnlyList<FileSystemEntry> ListDirectory(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var directory = Resolve(path, followFinalSymlink: true) ?? throw NotFound(path);
        if (directory.Kind != FileSystemEntryKind.Directory)
        {
            throw new ImageFormatException(
                $"'{path}' is not a directory (inode {directory.Number} is a {directory.Kind}).",
                "List a directory, or look the entry up instead.");
        }

        var prefix = Normalize(path);
        prefix = prefix == "/" ? "/" : prefix + "/";
        var entries = new List<FileSystemEntry>();
        foreach (var entry in Ext4DirectoryReader.Enumerate(this, directory))
        {
            if (entry.Name is "." or "..")
            {
                continue;
            }

            entries.Add(ToEntry(ReadInode(entry.Inode, $"entry '{entry.Name}' of directory inode {directory.Number}"),
                entry.Name, prefix + entry.Name));
        }

        return entries;
    }

    /// <inheritdoc/>
    public Stream OpenFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var inode = Resolve(path, followFinalSymlink: true) ?? throw NotFound(path);
        if (inode.Kind != FileSystemEntryKind.File)
        {
            throw new ImageFormatException(
                $"'{path}' is not a regular file (inode {inode.Number} is a {inode.Kind}).",
                "Open a regular file, or list the directory instead.");
        }

        return OpenContent(inode);
    }

    /// <inheritdoc/>
    public void Dispose() => Volume.Dispose();

    /// <summary>Reads and parses an inode, checking its number and its place.</summary>
    internal Ext4Inode ReadInode(uint number, string referencedBy)
    {
        if (number == 0 || number > _superblock.InodeCount)
        {
            throw Ext4Errors.Damaged(
                $"The {referencedBy} refers to inode {number}, outside the filesystem's 1..{_superblock.InodeCount}.");
        }

        var group = (number - 1) / _superblock.InodesPerGroup;
        var index = (number - 1) % _superblock.InodesPerGroup;
        var table = _descriptors.InodeTableOf(group);
        var raw = new byte[_superblock.InodeSize];
        Volume.ReadAt(((long)table * BlockSize) + ((long)index * _superblock.InodeSize), raw, $"inode {number}");
        return Ext4Inode.Parse(number, raw);
    }

    /// <summary>Gets the number of filesystem blocks an inode has allocated.</summary>
    internal ulong AllocatedBlocks(Ext4Inode inode) => inode.AllocatedBlocks(BlockSize, _hugeFile);

    /// <summary>Builds the block map of an inode whose data lives in blocks.</summary>
    internal IExt4BlockMap CreateBlockMap(Ext4Inode inode)
    {
        if (inode.HasFlag(Ext4Inode.EncryptFlag))
        {
            throw Ext4Errors.Unsupported($"Inode {inode.Number} is encrypted (fscrypt), which this reader does not decrypt.");
        }

        if (inode.HasFlag(Ext4Inode.ExtentsFlag))
        {
            return Ext4ExtentMap.Read(Volume, inode, AllocatedBlocks(inode), _superblock.FirstDataBlock);
        }

        return new Ext4IndirectMap(Volume, inode, _superblock.FirstDataBlock);
    }

    private Stream OpenContent(Ext4Inode inode)
    {
        if (inode.HasFlag(Ext4Inode.InlineDataFlag))
        {
            return new MemoryStream(Ext4InlineData.ReadFile(inode), writable: false);
        }

        return new Ext4FileStream(Volume, CreateBlockMap(inode), inode.Number, inode.Size);
    }

    private string ReadSymlink(Ext4Inode inode)
    {
        var size = inode.Size;
        if (size > BlockSize)
        {
            throw Ext4Errors.Damaged($"Symbolic link inode {inode.Number} declares a {size}-byte target, longer than a block.");
        }

        byte[] target;
        if (inode.HasFlag(Ext4Inode.InlineDataFlag))
        {
            target = Ext4InlineData.ReadFile(inode);
        }
        else if (size < Ext4Inode.BlockAreaSize)
        {
            target = inode.BlockArea[..(int)size].ToArray();
        }
        else
        {
            target = new byte[size];
            using var stream = new Ext4FileStream(Volume, CreateBlockMap(inode), inode.Number, size);
            stream.ReadExactly(target);
        }

        return System.Text.Encoding.UTF8.GetString(target);
    }

    private Ext4Inode? Resolve(string path, bool followFinalSymlink)
    {
        if (!path.StartsWith('/'))
        {
            throw new ArgumentException($"The path '{path}' is not absolute.", nameof(path));
        }

        var pending = new Stack<string>();
        PushComponents(pending, path);
        var directory = ReadInode(RootInode, "root directory");
        var current = directory;
        var follows = 0;
        while (pending.Count > 0)
        {
            var name = pending.Pop();
            if (name.Length == 0 || name == ".")
            {
                continue;
            }

            if (current.Kind != FileSystemEntryKind.Directory)
            {
                return null;
            }

            directory = current;
            var child = Lookup(directory, name);
            if (child is null)
            {
                return null;
            }

            var inode = ReadInode(child.Value, $"entry '{name}' of directory inode {directory.Number}");
            if (inode.Kind == FileSystemEntryKind.SymbolicLink && (pending.Count > 0 || followFinalSymlink))
            {
                if (++follows > MaxSymlinkFollows)
                {
                    throw new ImageFormatException(
                        $"Resolving '{path}' followed more than {MaxSymlinkFollows} symbolic links (a loop).",
                        "Ask for a path that does not go through a symbolic-link loop.");
                }

                var target = ReadSymlink(inode);
                PushComponents(pending, target);
                if (target.StartsWith('/'))
                {
                    current = ReadInode(RootInode, "root directory");
                }

                continue;
            }

            current = inode;
        }

        return current;
    }

    private uint? Lookup(Ext4Inode directory, string name)
    {
        if (!directory.HasFlag(Ext4Inode.CasefoldFlag) || !_superblock.Has(Ext4Features.IncompatCasefold))
        {
            return LookupExact(directory, name);
        }

        // A casefolded directory: the name as written wins, else the first entry whose folded name is the same.
        var wanted = Ext4CaseFold.Fold(name);
        uint? folded = null;
        foreach (var entry in Ext4DirectoryReader.Enumerate(this, directory))
        {
            if (entry.Name == name)
            {
                return entry.Inode;
            }

            if (folded is null && Ext4CaseFold.Fold(entry.Name) == wanted)
            {
                folded = entry.Inode;
            }
        }

        return folded;
    }

    /// <summary>
    /// Looks a name up through an index of the few directories searched last, so opening every file of a large
    /// directory one path at a time reads the directory once rather than once per file.
    /// </summary>
    private uint? LookupExact(Ext4Inode directory, string name)
    {
        var cached = Array.Find(_recentDirectories, index => index?.Inode == directory.Number);
        if (cached is null)
        {
            var names = new Dictionary<string, uint>(StringComparer.Ordinal);
            foreach (var entry in Ext4DirectoryReader.Enumerate(this, directory))
            {
                names.TryAdd(entry.Name, entry.Inode);
            }

            cached = new DirectoryIndex(directory.Number, names);
            lock (_recentDirectories)
            {
                _recentDirectories[_nextRecentDirectory] = cached;
                _nextRecentDirectory = (_nextRecentDirectory + 1) % RecentDirectoryCount;
            }
        }

        return cached.Names.TryGetValue(name, out var inode) ? inode : null;
    }

    private FileSystemEntry ToEntry(Ext4Inode inode, string name, string path)
    {
        var kind = inode.Kind;
        return new FileSystemEntry
        {
            Name = name,
            Path = path,
            Kind = kind,
            Inode = inode.Number,
            Permissions = (UnixFileMode)(inode.Mode & 0xFFF),
            UserId = inode.UserId,
            GroupId = inode.GroupId,
            Size = kind == FileSystemEntryKind.Directory ? (long)(inode.RawSize & uint.MaxValue) : inode.Size,
            LinkCount = inode.LinkCount,
            ModifiedAt = inode.ModifiedAt,
            SymlinkTarget = kind == FileSystemEntryKind.SymbolicLink ? ReadSymlink(inode) : null,
        };
    }

    private static void PushComponents(Stack<string> pending, string path)
    {
        var parts = path.Split('/');
        for (var i = parts.Length - 1; i >= 0; i--)
        {
            pending.Push(parts[i]);
        }
    }

    private static string Normalize(string path)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return "/" + string.Join('/', parts);
    }

    private static string NameOf(string path)
    {
        var normalized = Normalize(path);
        return normalized == "/" ? "/" : normalized[(normalized.LastIndexOf('/') + 1)..];
    }

    private static FileNotFoundException NotFound(string path) =>
        new($"The filesystem has no entry at '{path}'.", path);

    private sealed record DirectoryIndex(uint Inode, Dictionary<string, uint> Names);
}
