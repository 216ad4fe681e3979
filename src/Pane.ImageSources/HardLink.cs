using System.Runtime.InteropServices;

namespace Pane.ImageSources;

/// <summary>Creates hard links, where the filesystem allows them.</summary>
internal static partial class HardLink
{
    /// <summary>Makes <paramref name="link"/> a second name of <paramref name="existing"/>.</summary>
    /// <param name="existing">The file.</param>
    /// <param name="link">The new name; it must not exist.</param>
    /// <returns><see langword="true"/> when the link was made; <see langword="false"/> when the filesystem or the volumes do not allow it.</returns>
    public static bool TryCreate(string existing, string link) => OperatingSystem.IsWindows()
        ? CreateHardLink(link, existing, 0)
        : Link(existing, link) == 0;

    [LibraryImport("libc", EntryPoint = "link", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Link(string existing, string link);

    [LibraryImport("kernel32.dll", EntryPoint = "CreateHardLinkW", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static partial bool CreateHardLink(string link, string existing, nint securityAttributes);
}
