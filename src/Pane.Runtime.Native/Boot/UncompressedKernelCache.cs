using System.Globalization;
using System.Text;
using Pane.Runtime.Native.Boot.Compression;

namespace Pane.Runtime.Native.Boot;

/// <summary>
/// Keeps each kernel's unpacked <c>vmlinux</c> in a folder of Pane's cache (<c>PANE_HOME/cache/kernels/</c>), so
/// that the payload is decompressed once per kernel instead of by the guest at every boot. As with the image hashes
/// of the boot cache, a kernel is known by its file's full path, size and modification time (their CRC-64 names the
/// kept file), which costs a <c>stat</c> where hashing the kernel would cost a read of it at every launch. A file is
/// written to a temporary name, flushed to the disk and renamed, so a file under its final name is complete; one that
/// does not parse is unpacked again.
/// </summary>
internal sealed class UncompressedKernelCache
{
    private const string Extension = ".vmlinux";

    private readonly string _directory;

    /// <summary>Initializes a new instance of the <see cref="UncompressedKernelCache"/> class.</summary>
    /// <param name="directory">The folder; created when the first kernel is kept.</param>
    public UncompressedKernelCache(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        _directory = directory;
    }

    /// <summary>Gets the unpacked form of a kernel, from the folder or by unpacking and keeping it.</summary>
    /// <param name="kernelPath">The bzImage's file.</param>
    /// <param name="kernel">The parsed bzImage, read from that file.</param>
    /// <returns>
    /// The unpacked kernel, or <see langword="null"/> when its payload is in a format the kernel must unpack itself or
    /// does not unpack to a 64-bit x86 ELF that Pane can load.
    /// </returns>
    /// <exception cref="BootImageException">The payload is damaged.</exception>
    public ElfKernel? GetOrUnpack(string kernelPath, BzImage kernel)
    {
        ArgumentException.ThrowIfNullOrEmpty(kernelPath);
        ArgumentNullException.ThrowIfNull(kernel);
        var file = new FileInfo(Path.GetFullPath(kernelPath));
        var identity = string.Create(CultureInfo.InvariantCulture, $"{file.FullName}\n{file.Length}\n{file.LastWriteTimeUtc.Ticks}");
        var path = Path.Combine(_directory, XzCrc.Crc64(Encoding.UTF8.GetBytes(identity)).ToString("x16", CultureInfo.InvariantCulture) + Extension);
        if (TryRead(path) is { } kept)
        {
            return kept;
        }

        byte[]? unpacked;
        try
        {
            unpacked = KernelPayload.Decompress(kernel);
        }
        catch (InvalidDataException error)
        {
            throw new BootImageException($"The kernel's compressed payload is damaged: {error.Message}", "Reinstall the kernel, or pull the image again.");
        }

        if (unpacked is null)
        {
            return null;
        }

        ElfKernel parsed;
        try
        {
            parsed = ElfKernel.Parse(unpacked);
        }
        catch (BootImageException)
        {
            return null;
        }

        TryKeep(path, unpacked);
        return parsed;
    }

    private static ElfKernel? TryRead(string path)
    {
        try
        {
            return ElfKernel.Open(path);
        }
        catch (Exception error) when (error is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        catch (Exception error) when (error is BootImageException or IOException or UnauthorizedAccessException)
        {
            TryDelete(path);
            return null;
        }
    }

    private void TryKeep(string path, byte[] unpacked)
    {
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            Directory.CreateDirectory(_directory);
            using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1))
            {
                file.Write(unpacked);
                file.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return;
        }
    }
}
