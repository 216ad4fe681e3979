using Pane.Images;
using Pane.Machines;

namespace Pane.Host.Machines;

/// <summary>What <c>pane launch</c> was asked to do.</summary>
internal sealed record LaunchRequest
{
    /// <summary>
    /// Gets the base image: a file, the name of an image in the store, or a reference the store acquires it from
    /// (<c>arch</c>, <c>https://...#sha256=...</c>); <see langword="null"/> for the default image.
    /// </summary>
    public string? Image { get; init; }

    /// <summary>
    /// Gets what receives the progress of acquiring the base image into the store, if anything; when it is also an
    /// <see cref="Images.IImageNotices"/>, it shows the notices and warnings about the image too.
    /// </summary>
    public IProgress<TransferProgress>? ImageProgress { get; init; }

    /// <summary>Gets the machine's name.</summary>
    public string Name { get; init; } = "default";

    /// <summary>Gets the runtime asked for, or <see langword="null"/> for <c>auto</c>.</summary>
    public string? Runtime { get; init; }

    /// <summary>Gets the accelerator asked for, or <see langword="null"/> for the runtime's choice.</summary>
    public string? Accelerator { get; init; }

    /// <summary>Gets the number of virtual CPUs, or <see langword="null"/> for the default.</summary>
    public int? VirtualCpus { get; init; }

    /// <summary>Gets the memory in MiB, or <see langword="null"/> for the default.</summary>
    public int? MemoryMiB { get; init; }

    /// <summary>Gets arguments to append to the kernel command line.</summary>
    public string? Append { get; init; }

    /// <summary>Gets a value indicating whether changes to the root filesystem are kept in an overlay across boots.</summary>
    public bool PersistRoot { get; init; }

    /// <summary>Gets where the screen goes.</summary>
    public DisplayMode Display { get; init; } = DisplayMode.None;

    /// <summary>Gets the password a VNC client must give, with <see cref="DisplayMode.Vnc"/>; never stored.</summary>
    public string? DisplayPassword { get; init; }

    /// <summary>Gets how long the guest may take to reach its login.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(5);
}
