namespace Pane.Runtime.QemuWhpx.Discovery;

/// <summary>Identifies one build of an executable well enough to reuse what it said last time.</summary>
/// <param name="Path">The executable's full path.</param>
/// <param name="Length">Its size in bytes.</param>
/// <param name="LastWriteTicks">Its last write time, in UTC ticks.</param>
internal sealed record QemuBinaryStamp(string Path, long Length, long LastWriteTicks)
{
    public static QemuBinaryStamp Of(string path)
    {
        var file = new FileInfo(path);
        return new QemuBinaryStamp(file.FullName, file.Length, file.LastWriteTimeUtc.Ticks);
    }
}
