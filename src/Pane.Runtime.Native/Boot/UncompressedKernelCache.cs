using System.Security.Cryptography;

namespace Pane.Runtime.Native.Boot;

/// <summary>
/// Keeps each kernel's unpacked <c>vmlinux</c> in a folder of Pane's cache (<c>PANE_HOME/cache/kernels/</c>), named
/// by the SHA-256 of the bzImage, so that the payload is decompressed once per kernel instead of by the guest at
/// every boot. A file is written to a temporary name and renamed, so a file under its final name is complete; one
/// that does not parse is unpacked again.
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
    /// <param name="image">The bzImage's bytes.</param>
    /// <param name="kernel">The parsed bzImage.</param>
    /// <returns>The unpacked kernel, or <see langword="null"/> when its payload is in a format the kernel must unpack itself.</returns>
    /// <exception cref="BootImageException">The payload is damaged, or does not unpack to a loadable kernel.</exception>
    public ElfKernel? GetOrUnpack(byte[] image, BzImage kernel)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(kernel);
        var path = Path.Combine(_directory, Convert.ToHexStringLower(SHA256.HashData(image)) + Extension);
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

        var parsed = ElfKernel.Parse(unpacked);
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
            File.WriteAllBytes(temporary, unpacked);
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
