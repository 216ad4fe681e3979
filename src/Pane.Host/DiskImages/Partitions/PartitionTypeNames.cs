namespace Pane.Host.DiskImages.Partitions;

/// <summary>Readable names of common GPT type GUIDs and MBR type bytes, as fdisk shows them.</summary>
internal static class PartitionTypeNames
{
    public static readonly Guid LinuxRootX64 = new("4f68bce3-e8cd-4db1-96e7-fbcaf984b709");
    public static readonly Guid LinuxFileSystem = new("0fc63daf-8483-4772-8e79-3d69d8477de4");
    public static readonly Guid LinuxExtendedBoot = new("bc13c2ff-59e6-4262-a352-b275fd6f7172");
    public static readonly Guid EfiSystem = new("c12a7328-f81f-11d2-ba4b-00a0c93ec93b");
    public static readonly Guid MicrosoftBasicData = new("ebd0a0a2-b9e5-4433-87c0-68b6b72699c7");

    private static readonly Dictionary<Guid, string> s_gptNames = new()
    {
        [LinuxRootX64] = "Linux root (x86-64)",
        [LinuxFileSystem] = "Linux filesystem",
        [LinuxExtendedBoot] = "Linux extended boot",
        [EfiSystem] = "EFI System",
        [MicrosoftBasicData] = "Microsoft basic data",
        [new Guid("21686148-6449-6e6f-744e-656564454649")] = "BIOS boot",
        [new Guid("0657fd6d-a4ab-43c4-84e5-0933c84b4f4f")] = "Linux swap",
        [new Guid("933ac7e1-2eb4-4f13-b844-0e14e2aef915")] = "Linux home",
        [new Guid("b921b045-1df0-41c3-af44-4c6f280d3fae")] = "Linux root (ARM-64)",
        [new Guid("4d21b016-b534-45c2-a9fb-5c16e091fd2d")] = "Linux variable data",
        [new Guid("e6d6d379-f507-44c2-a23c-238f2a3df928")] = "Linux LVM",
        [new Guid("a19d880f-05fc-4d3b-a006-743f0f84911e")] = "Linux RAID",
        [new Guid("e3c9e316-0b5c-4db8-817d-f92df00215ae")] = "Microsoft reserved",
    };

    private static readonly Dictionary<byte, string> s_mbrNames = new()
    {
        [0x05] = "Extended",
        [0x06] = "FAT16",
        [0x07] = "HPFS/NTFS/exFAT",
        [0x0b] = "W95 FAT32",
        [0x0c] = "W95 FAT32 (LBA)",
        [0x0e] = "W95 FAT16 (LBA)",
        [0x0f] = "W95 Ext'd (LBA)",
        [0x82] = "Linux swap",
        [0x83] = "Linux",
        [0x85] = "Linux extended",
        [0x8e] = "Linux LVM",
        [0xee] = "GPT",
        [0xef] = "EFI (FAT-12/16/32)",
        [0xfd] = "Linux raid autodetect",
    };

    public static string ForGpt(Guid type) => s_gptNames.TryGetValue(type, out var name) ? name : "Unknown";

    public static string ForMbr(byte type) => s_mbrNames.TryGetValue(type, out var name) ? name : $"Unknown (0x{type:x2})";

    public static bool IsExtended(byte type) => type is 0x05 or 0x0f or 0x85;
}
