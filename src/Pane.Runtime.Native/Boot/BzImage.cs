using System.Buffers.Binary;
using System.Text;

namespace Pane.Runtime.Native.Boot;

/// <summary>
/// A Linux x86 kernel image (bzImage) read through its setup header (Linux <c>Documentation/arch/x86/boot.rst</c>):
/// the real-mode setup sectors, then the protected-mode kernel that Pane loads and enters at its 64-bit entry point.
/// </summary>
internal sealed class BzImage
{
    /// <summary>The lowest boot protocol version Pane loads (2.06: <c>cmdline_size</c> exists).</summary>
    public const ushort MinimumProtocol = 0x0206;

    /// <summary>The offset of the setup header in the image and in <c>boot_params</c>.</summary>
    public const int SetupHeaderOffset = 0x1F1;

    /// <summary>The offset of the 64-bit entry point from the start of the protected-mode kernel.</summary>
    public const ulong Entry64Offset = 0x200;

#pragma warning disable CS1591 // Setup header field offsets, named after boot.rst.
    public const int SetupSectorsField = 0x1F1;
    public const int BootFlagField = 0x1FE;
    public const int JumpField = 0x200;
    public const int HeaderMagicField = 0x202;
    public const int VersionField = 0x206;
    public const int KernelVersionField = 0x20E;
    public const int TypeOfLoaderField = 0x210;
    public const int LoadFlagsField = 0x211;
    public const int RamdiskImageField = 0x218;
    public const int RamdiskSizeField = 0x21C;
    public const int HeapEndPointerField = 0x224;
    public const int CommandLinePointerField = 0x228;
    public const int InitrdAddressMaxField = 0x22C;
    public const int KernelAlignmentField = 0x230;
    public const int RelocatableField = 0x234;
    public const int ExtendedLoadFlagsField = 0x236;
    public const int CommandLineSizeField = 0x238;
    public const int PayloadOffsetField = 0x248;
    public const int PayloadLengthField = 0x24C;
    public const int PreferredAddressField = 0x258;
    public const int InitSizeField = 0x260;
#pragma warning restore CS1591

    private const uint HeaderMagic = 0x5372_6448;
    private const ushort BootFlag = 0xAA55;
    private const byte LoadedHigh = 0x01;
    private const ushort Kernel64 = 0x0001;

    private readonly byte[] _image;

    private BzImage(byte[] image, int setupSize)
    {
        _image = image;
        SetupSize = setupSize;
        Protocol = BinaryPrimitives.ReadUInt16LittleEndian(image.AsSpan(VersionField));
        LoadFlags = image[LoadFlagsField];
        InitrdAddressMax = BinaryPrimitives.ReadUInt32LittleEndian(image.AsSpan(InitrdAddressMaxField));
        CommandLineSize = BinaryPrimitives.ReadUInt32LittleEndian(image.AsSpan(CommandLineSizeField));
        KernelAlignment = BinaryPrimitives.ReadUInt32LittleEndian(image.AsSpan(KernelAlignmentField));
        IsRelocatable = image[RelocatableField] != 0;
        ExtendedLoadFlags = Protocol >= 0x020C ? BinaryPrimitives.ReadUInt16LittleEndian(image.AsSpan(ExtendedLoadFlagsField)) : (ushort)0;
        PreferredAddress = Protocol >= 0x020A ? BinaryPrimitives.ReadUInt64LittleEndian(image.AsSpan(PreferredAddressField)) : 0x10_0000;
        InitSize = Protocol >= 0x020A ? BinaryPrimitives.ReadUInt32LittleEndian(image.AsSpan(InitSizeField)) : 0;
        KernelVersion = ReadKernelVersion(image);
    }

    /// <summary>Gets the boot protocol version, such as <c>0x020F</c> for 2.15.</summary>
    public ushort Protocol { get; }

    /// <summary>Gets the size of the real-mode setup code, including the boot sector.</summary>
    public int SetupSize { get; }

    /// <summary>Gets the <c>loadflags</c> field.</summary>
    public byte LoadFlags { get; }

    /// <summary>Gets the highest address the initramfs may end at, plus one.</summary>
    public uint InitrdAddressMax { get; }

    /// <summary>Gets the largest command line the kernel takes, without its terminating zero.</summary>
    public uint CommandLineSize { get; }

    /// <summary>Gets the alignment a relocatable kernel needs.</summary>
    public uint KernelAlignment { get; }

    /// <summary>Gets a value indicating whether the kernel can run from any suitably aligned address.</summary>
    public bool IsRelocatable { get; }

    /// <summary>Gets the <c>xloadflags</c> field (zero before protocol 2.12).</summary>
    public ushort ExtendedLoadFlags { get; }

    /// <summary>Gets the address the kernel prefers to run from.</summary>
    public ulong PreferredAddress { get; }

    /// <summary>Gets the memory the kernel needs from its load address until it is running.</summary>
    public uint InitSize { get; }

    /// <summary>Gets the kernel's version string up to the first space (<c>6.1.0-26-amd64</c>), if it has one.</summary>
    public string? KernelVersion { get; }

    /// <summary>Gets a value indicating whether the kernel has a 64-bit entry point (<c>XLF_KERNEL_64</c>).</summary>
    public bool HasEntry64 => (ExtendedLoadFlags & Kernel64) != 0;

    /// <summary>Gets the protected-mode kernel: what is loaded at the load address.</summary>
    public ReadOnlySpan<byte> ProtectedModeKernel => _image.AsSpan(SetupSize);

    /// <summary>
    /// Gets the compressed kernel inside the protected-mode code that the bzImage's decompressor unpacks (boot
    /// protocol 2.08 on), whose last four bytes are its uncompressed size; empty when the header names none.
    /// </summary>
    public ReadOnlySpan<byte> Payload
    {
        get
        {
            if (Protocol < 0x0208)
            {
                return [];
            }

            var offset = (long)SetupSize + BinaryPrimitives.ReadUInt32LittleEndian(_image.AsSpan(PayloadOffsetField));
            var length = BinaryPrimitives.ReadUInt32LittleEndian(_image.AsSpan(PayloadLengthField));
            return length >= 4 && offset + length <= _image.Length ? _image.AsSpan((int)offset, (int)length) : [];
        }
    }

    /// <summary>Gets the setup header as it is copied into <c>boot_params</c>: from 0x1F1 to the end the jump names.</summary>
    public ReadOnlySpan<byte> SetupHeader
    {
        get
        {
            var end = Math.Min(JumpField + 2 + _image[JumpField + 1], Math.Min(_image.Length, 0x290));
            return _image.AsSpan(SetupHeaderOffset, end - SetupHeaderOffset);
        }
    }

    /// <summary>Reads a kernel image.</summary>
    /// <param name="image">The image's bytes.</param>
    /// <returns>The parsed image.</returns>
    /// <exception cref="BootImageException">The bytes are not a bzImage Pane can boot.</exception>
    public static BzImage Parse(byte[] image)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (image.Length < 0x290
            || BinaryPrimitives.ReadUInt16LittleEndian(image.AsSpan(BootFlagField)) != BootFlag
            || BinaryPrimitives.ReadUInt32LittleEndian(image.AsSpan(HeaderMagicField)) != HeaderMagic)
        {
            throw new BootImageException("The kernel is not a Linux bzImage (no boot flag or HdrS setup header).", "Boot a bzImage such as the vmlinuz of a distribution's kernel package.");
        }

        var protocol = BinaryPrimitives.ReadUInt16LittleEndian(image.AsSpan(VersionField));
        if (protocol < MinimumProtocol)
        {
            throw new BootImageException(
                $"The kernel speaks boot protocol {protocol >> 8}.{protocol & 0xFF}, older than the 2.06 Pane needs.",
                "Boot a newer kernel (any Linux from 2.6.22 on).");
        }

        var setupSectors = image[SetupSectorsField] == 0 ? 4 : image[SetupSectorsField];
        var setupSize = (setupSectors + 1) * 512;
        if (setupSize >= image.Length)
        {
            throw new BootImageException("The kernel's setup header claims more setup sectors than the file holds.", "Check that the kernel file is complete.");
        }

        var parsed = new BzImage(image, setupSize);
        if ((parsed.LoadFlags & LoadedHigh) == 0)
        {
            throw new BootImageException("The kernel is a zImage that loads below 1 MiB.", "Boot a bzImage.");
        }

        return parsed;
    }

    private static string? ReadKernelVersion(byte[] image)
    {
        var pointer = BinaryPrimitives.ReadUInt16LittleEndian(image.AsSpan(KernelVersionField));
        var start = pointer + 0x200;
        if (pointer == 0 || start >= image.Length)
        {
            return null;
        }

        var text = image.AsSpan(start, Math.Min(256, image.Length - start));
        var end = text.IndexOfAny((byte)0, (byte)' ');
        return end <= 0 ? null : Encoding.ASCII.GetString(text[..end]);
    }
}
