namespace Pane.Runtime.Native.Boot;

/// <summary>One range of the e820 memory map the kernel reads from <c>boot_params</c>.</summary>
/// <param name="Address">The first byte.</param>
/// <param name="Size">The size in bytes.</param>
/// <param name="Type">1 for usable RAM, 2 for reserved.</param>
internal readonly record struct E820Entry(ulong Address, ulong Size, uint Type)
{
    /// <summary>The type of usable RAM.</summary>
    public const uint Ram = 1;

    /// <summary>The type of reserved memory.</summary>
    public const uint Reserved = 2;
}
