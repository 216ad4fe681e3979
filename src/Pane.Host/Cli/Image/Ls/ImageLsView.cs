using System.Globalization;
using Pane.Host.Cli.Output;

namespace Pane.Host.Cli.Image.Ls;

/// <summary>The text form of <c>pane image ls</c>: mode, links, owner, group, size, time, name and link target.</summary>
internal static class ImageLsView
{
    public static void Write(IReadOnlyList<ImageLsEntry> entries, TextWriter writer)
    {
        var table = new TextTable("MODE", "LINKS", "UID", "GID", "SIZE", "MODIFIED", "NAME");
        foreach (var entry in entries)
        {
            table.AddRow(
                entry.Mode,
                entry.Links.ToString(CultureInfo.InvariantCulture),
                entry.Uid.ToString(CultureInfo.InvariantCulture),
                entry.Gid.ToString(CultureInfo.InvariantCulture),
                entry.Size.ToString(CultureInfo.InvariantCulture),
                entry.Modified.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                entry.SymlinkTarget is null ? entry.Name : $"{entry.Name} -> {entry.SymlinkTarget}");
        }

        table.Write(writer);
    }
}
