using Pane.Host.DiskImages.Ext4;

// Usage: ExtractHarness IMAGE PATH OUT   (copies PATH out of the bare ext2/3/4 filesystem image IMAGE)
//        ExtractHarness IMAGE --ls PATH   (lists a directory, for a quick look)
if (args.Length < 3)
{
    Console.Error.WriteLine("usage: ExtractHarness IMAGE PATH OUT | IMAGE --ls PATH");
    return 2;
}

var image = new FileStream(args[0], FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.RandomAccess);
using var fileSystem = Ext4FileSystem.Open(image);
if (args[1] == "--ls")
{
    foreach (var entry in fileSystem.ListDirectory(args[2]))
    {
        Console.WriteLine($"{entry.Inode,8} {entry.Kind,-14} {entry.Size,12} {entry.Path} {entry.SymlinkTarget}");
    }

    return 0;
}

var watch = System.Diagnostics.Stopwatch.StartNew();
using (var source = fileSystem.OpenFile(args[1]))
using (var target = new FileStream(args[2], FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1))
{
    source.CopyTo(target, 4 << 20);
}

var bytes = new FileInfo(args[2]).Length;
Console.Error.WriteLine($"{bytes} bytes in {watch.Elapsed.TotalSeconds:F3} s ({bytes / watch.Elapsed.TotalSeconds / (1 << 20):F0} MiB/s)");
return 0;
