using System.Globalization;

namespace Pane.Host.DiskImages.Ext4;

/// <summary>The feature flags of an ext2/3/4 superblock: their names and which ones this reader can read.</summary>
internal static class Ext4Features
{
    public const uint CompatHasJournal = 0x4;
    public const uint CompatSparseSuper2 = 0x200;

    public const uint IncompatCompression = 0x1;
    public const uint IncompatFileType = 0x2;
    public const uint IncompatRecover = 0x4;
    public const uint IncompatJournalDevice = 0x8;
    public const uint IncompatMetaBg = 0x10;
    public const uint IncompatExtents = 0x40;
    public const uint Incompat64Bit = 0x80;
    public const uint IncompatMmp = 0x100;
    public const uint IncompatFlexBg = 0x200;
    public const uint IncompatEaInode = 0x400;
    public const uint IncompatDirData = 0x1000;
    public const uint IncompatCsumSeed = 0x2000;
    public const uint IncompatLargeDir = 0x4000;
    public const uint IncompatInlineData = 0x8000;
    public const uint IncompatEncrypt = 0x10000;
    public const uint IncompatCasefold = 0x20000;

    public const uint RoCompatSparseSuper = 0x1;
    public const uint RoCompatLargeFile = 0x2;
    public const uint RoCompatHugeFile = 0x8;
    public const uint RoCompatGdtCsum = 0x10;
    public const uint RoCompatDirNlink = 0x20;
    public const uint RoCompatExtraIsize = 0x40;
    public const uint RoCompatBigalloc = 0x200;
    public const uint RoCompatMetadataCsum = 0x400;

    /// <summary>The incompatible features this reader reads; any other one makes it refuse the volume.</summary>
    public const uint IncompatSupported = IncompatFileType | IncompatRecover | IncompatMetaBg | IncompatExtents
        | Incompat64Bit | IncompatMmp | IncompatFlexBg | IncompatEaInode | IncompatCsumSeed | IncompatLargeDir
        | IncompatInlineData | IncompatCasefold;

    /// <summary>Features that only ext4 has: a volume with any of them is ext4, else ext3 with a journal, else ext2.</summary>
    private const uint IncompatExt4Only = IncompatExtents | Incompat64Bit | IncompatFlexBg | IncompatMmp
        | IncompatEaInode | IncompatCsumSeed | IncompatLargeDir | IncompatInlineData | IncompatEncrypt
        | IncompatCasefold | IncompatMetaBg;

    private const uint RoCompatExt4Only = RoCompatHugeFile | RoCompatGdtCsum | RoCompatDirNlink
        | RoCompatExtraIsize | RoCompatBigalloc | RoCompatMetadataCsum;

    private static readonly string[] s_compatNames =
    [
        "dir_prealloc", "imagic_inodes", "has_journal", "ext_attr", "resize_inode", "dir_index", "lazy_bg",
        "snapshot_bitmap", "exclude_bitmap", "sparse_super2", "fast_commit", "stable_inodes", "orphan_file",
    ];

    private static readonly string[] s_incompatNames =
    [
        "compression", "filetype", "needs_recovery", "journal_dev", "meta_bg", "FEATURE_I5", "extent", "64bit",
        "mmp", "flex_bg", "ea_inode", "FEATURE_I11", "dirdata", "metadata_csum_seed", "large_dir", "inline_data",
        "encrypt", "casefold",
    ];

    private static readonly string[] s_roCompatNames =
    [
        "sparse_super", "large_file", "btree_dir", "huge_file", "uninit_bg", "dir_nlink", "extra_isize",
        "snapshot", "quota", "bigalloc", "metadata_csum", "replica", "read-only", "project", "shared_blocks",
        "verity", "orphan_present",
    ];

    /// <summary>Names the features set in the three flag words, in e2fsprogs' spelling.</summary>
    public static IReadOnlyList<string> Names(uint compat, uint incompat, uint roCompat)
    {
        var names = new List<string>();
        AddNames(names, compat, s_compatNames, "FEATURE_C");
        AddNames(names, incompat, s_incompatNames, "FEATURE_I");
        AddNames(names, roCompat, s_roCompatNames, "FEATURE_R");
        return names;
    }

    /// <summary>Gets the filesystem type blkid would report.</summary>
    public static string TypeName(uint compat, uint incompat, uint roCompat)
    {
        if ((incompat & IncompatExt4Only) != 0 || (roCompat & RoCompatExt4Only) != 0)
        {
            return "ext4";
        }

        return (compat & CompatHasJournal) != 0 ? "ext3" : "ext2";
    }

    private static void AddNames(List<string> names, uint flags, string[] known, string unknownPrefix)
    {
        for (var bit = 0; bit < 32; bit++)
        {
            if ((flags & (1u << bit)) != 0)
            {
                names.Add(bit < known.Length ? known[bit] : unknownPrefix + bit.ToString(CultureInfo.InvariantCulture));
            }
        }
    }
}
