namespace Pane.ImageSources.Debian.Build;

/// <summary>A file Pane puts into a Debian image, owned by root.</summary>
/// <param name="Path">Its path relative to the root, such as <c>etc/hostname</c>.</param>
/// <param name="Mode">Its permissions.</param>
/// <param name="Text">Its content.</param>
internal sealed record GuestFile(string Path, UnixFileMode Mode, string Text);
