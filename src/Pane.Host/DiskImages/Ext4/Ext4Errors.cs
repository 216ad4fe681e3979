namespace Pane.Host.DiskImages.Ext4;

/// <summary>Builds the <see cref="ImageFormatException"/>s the ext2/3/4 reader throws.</summary>
internal static class Ext4Errors
{
    private const string DamagedRemedy =
        "Check the filesystem with 'e2fsck -fn', or use an undamaged copy of the image.";

    private const string UnsupportedRemedy =
        "Use an image made without that feature, or extract the files with a Linux kernel that supports it.";

    /// <summary>A structure of the filesystem holds a value that cannot be right.</summary>
    /// <param name="message">One sentence naming the structure and what is wrong with it.</param>
    /// <returns>The exception to throw.</returns>
    public static ImageFormatException Damaged(string message) => new(message, DamagedRemedy);

    /// <summary>The filesystem uses something this reader does not read.</summary>
    /// <param name="message">One sentence naming the feature.</param>
    /// <returns>The exception to throw.</returns>
    public static ImageFormatException Unsupported(string message) => new(message, UnsupportedRemedy);
}
