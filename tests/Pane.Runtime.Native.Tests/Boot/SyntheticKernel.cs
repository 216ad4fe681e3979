using System.Buffers.Binary;
using System.Text;
using Pane.Runtime.Native.Boot;

namespace Pane.Runtime.Native.Tests.Boot;

/// <summary>Builds small bzImage files with a chosen setup header, for tests that need no real kernel.</summary>
internal static class SyntheticKernel
{
    public static byte[] Build(ushort protocol = 0x020F, byte setupSectors = 3, ushort extendedLoadFlags = 1, int kernelSize = 0x3000, uint initSize = 0x10_0000, uint initrdMax = 0x7FFF_FFFF, uint commandLineSize = 2048)
    {
        var setupSize = ((setupSectors == 0 ? 4 : setupSectors) + 1) * 512;
        var image = new byte[setupSize + kernelSize];
        image[BzImage.SetupSectorsField] = setupSectors;
        BinaryPrimitives.WriteUInt16LittleEndian(image.AsSpan(BzImage.BootFlagField), 0xAA55);
        image[BzImage.JumpField] = 0xEB;
        image[BzImage.JumpField + 1] = 0x66;
        BinaryPrimitives.WriteUInt32LittleEndian(image.AsSpan(BzImage.HeaderMagicField), 0x5372_6448);
        BinaryPrimitives.WriteUInt16LittleEndian(image.AsSpan(BzImage.VersionField), protocol);
        BinaryPrimitives.WriteUInt16LittleEndian(image.AsSpan(BzImage.KernelVersionField), 0x300);
        Encoding.ASCII.GetBytes("6.1.0-test-amd64 (pane@test) #1 SMP\0", image.AsSpan(0x500));
        image[BzImage.LoadFlagsField] = 0x01;
        BinaryPrimitives.WriteUInt32LittleEndian(image.AsSpan(BzImage.InitrdAddressMaxField), initrdMax);
        BinaryPrimitives.WriteUInt32LittleEndian(image.AsSpan(BzImage.KernelAlignmentField), 0x20_0000);
        image[BzImage.RelocatableField] = 1;
        BinaryPrimitives.WriteUInt16LittleEndian(image.AsSpan(BzImage.ExtendedLoadFlagsField), extendedLoadFlags);
        BinaryPrimitives.WriteUInt32LittleEndian(image.AsSpan(BzImage.CommandLineSizeField), commandLineSize);
        BinaryPrimitives.WriteUInt64LittleEndian(image.AsSpan(BzImage.PreferredAddressField), 0x100_0000);
        BinaryPrimitives.WriteUInt32LittleEndian(image.AsSpan(BzImage.InitSizeField), initSize);
        for (var index = setupSize; index < image.Length; index++)
        {
            image[index] = (byte)(index * 13);
        }

        return image;
    }
}
