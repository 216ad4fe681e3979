using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Pane.Runtime.Native.Memory;

/// <summary>
/// Reserves page-aligned, zero-filled host memory that the operating system commits lazily, as a hypervisor needs
/// for guest RAM: <c>VirtualAlloc</c> on Windows; on Unix an anonymous <c>mmap</c> that, as QEMU's guest RAM, a
/// child process does not share after a fork (else every guest page would turn copy-on-write under the running
/// vCPUs whenever Pane starts a program).
/// </summary>
internal static unsafe partial class HostPages
{
    private const int ProtectRead = 1;
    private const int ProtectWrite = 2;
    private const int MapPrivate = 0x02;
    private const int MapFixed = 0x10;
    private const int MapAnonymous = 0x20;
    private const int AdviseDontFork = 10;
    private const uint MemCommit = 0x1000;
    private const uint MemReserve = 0x2000;
    private const uint MemRelease = 0x8000;
    private const uint PageReadWrite = 0x04;

    /// <summary>Allocates <paramref name="size"/> bytes of zeroed pages.</summary>
    /// <param name="size">The size in bytes, a multiple of the page size.</param>
    /// <returns>The address of the first byte.</returns>
    /// <exception cref="InsufficientMemoryException">The host refused the allocation.</exception>
    public static byte* Allocate(ulong size)
    {
        void* address;
        if (OperatingSystem.IsWindows())
        {
            address = VirtualAlloc(null, (nuint)size, MemCommit | MemReserve, PageReadWrite);
        }
        else
        {
            address = Mmap(null, (nuint)size, ProtectRead | ProtectWrite, MapPrivate | MapAnonymous, -1, 0);
            if (address == (void*)-1)
            {
                address = null;
            }
            else if (Madvise(address, (nuint)size, AdviseDontFork) != 0)
            {
                var error = Marshal.GetLastPInvokeError();
                _ = Munmap(address, (nuint)size);
                throw new InsufficientMemoryException($"The host refused to keep guest memory from child processes (madvise error {error}).");
            }
        }

        if (address is null)
        {
            throw new InsufficientMemoryException($"The host refused {size} bytes of guest memory (error {Marshal.GetLastPInvokeError()}).");
        }

        return (byte*)address;
    }

    /// <summary>
    /// Replaces pages of an allocation with a copy-on-write mapping of a file (on Linux; elsewhere it does nothing and
    /// answers <see langword="false"/>). Should the host refuse, the pages are made anonymous and
    /// zero again, as <see cref="Allocate"/> left them.
    /// </summary>
    /// <param name="address">The first page, inside an allocation from <see cref="Allocate"/>.</param>
    /// <param name="length">The size in bytes, a multiple of the page size.</param>
    /// <param name="file">The file.</param>
    /// <param name="offset">Where in the file the pages start, a multiple of the page size.</param>
    /// <returns><see langword="true"/> when the pages now map the file.</returns>
    /// <exception cref="InsufficientMemoryException">The host refused even to make the pages anonymous again.</exception>
    public static bool TryMapFile(byte* address, nuint length, SafeFileHandle file, long offset)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        var mapped = Mmap(address, length, ProtectRead | ProtectWrite, MapPrivate | MapFixed, (int)file.DangerousGetHandle(), (nint)offset);
        if (mapped == address && Madvise(address, length, AdviseDontFork) == 0)
        {
            return true;
        }

        var restored = Mmap(address, length, ProtectRead | ProtectWrite, MapPrivate | MapFixed | MapAnonymous, -1, 0);
        if (restored != address || Madvise(address, length, AdviseDontFork) != 0)
        {
            throw new InsufficientMemoryException($"The host refused to restore guest memory after a file mapping failed (error {Marshal.GetLastPInvokeError()}).");
        }

        return false;
    }

    /// <summary>Returns pages from <see cref="Allocate"/> to the host.</summary>
    /// <param name="address">The address <see cref="Allocate"/> returned.</param>
    /// <param name="size">The size passed to <see cref="Allocate"/>.</param>
    public static void Free(byte* address, ulong size)
    {
        if (OperatingSystem.IsWindows())
        {
            _ = VirtualFree(address, 0, MemRelease);
        }
        else
        {
            _ = Munmap(address, (nuint)size);
        }
    }

    [LibraryImport("libc", EntryPoint = "madvise", SetLastError = true)]
    private static partial int Madvise(void* address, nuint length, int advice);

    [LibraryImport("libc", EntryPoint = "mmap", SetLastError = true)]
    private static partial void* Mmap(void* address, nuint length, int protection, int flags, int fd, nint offset);

    [LibraryImport("libc", EntryPoint = "munmap", SetLastError = true)]
    private static partial int Munmap(void* address, nuint length);

    [LibraryImport("kernel32", SetLastError = true)]
    private static partial void* VirtualAlloc(void* address, nuint size, uint allocationType, uint protect);

    [LibraryImport("kernel32", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static partial bool VirtualFree(void* address, nuint size, uint freeType);
}
