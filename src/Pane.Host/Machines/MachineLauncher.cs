using Pane.Host.DiskImages.Boot;
using Pane.Host.Images;
using Pane.Host.Runtimes;
using Pane.Machines;
using Pane.Platform;
using Pane.Runtimes;

namespace Pane.Host.Machines;

/// <summary>
/// Launches a machine: takes the kernel and initramfs out of the image, negotiates the runtime, starts the machine
/// with the base image left untouched and a persistent user disk, records it, and waits for its login.
/// </summary>
internal sealed class MachineLauncher
{
    private readonly IBootArtifactDeriver _boot;
    private readonly IRuntimeNegotiator _runtimes;
    private readonly IHostPlatform _platform;
    private readonly MachineStore _store;
    private readonly BaseImageResolver _images;

    public MachineLauncher(IBootArtifactDeriver boot, IRuntimeNegotiator runtimes, IHostPlatform platform, MachineStore store, BaseImageResolver images)
    {
        _images = images;
        _boot = boot;
        _runtimes = runtimes;
        _platform = platform;
        _store = store;
    }

    /// <summary>Starts the machine and waits until the guest reaches its login.</summary>
    /// <param name="request">What to launch.</param>
    /// <param name="onMilestone">Called for each boot milestone as it happens.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The running machine (the caller disposes it, which leaves the guest running) and the runtime's verdict.</returns>
    /// <exception cref="PaneException">The machine runs already, nothing can run it, or it failed to start.</exception>
    /// <exception cref="LaunchFailedException">The guest did not reach its login; it has been stopped.</exception>
    public async Task<(IVirtualMachine Machine, RuntimeCandidate Runtime)> LaunchAsync(
        LaunchRequest request,
        Action<BootMilestone> onMilestone,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var launchLock = _store.Lock(request.Name);
        RefuseIfRunning(request.Name);
        var baseImage = await _images.ResolveAsync(request.Image, request.ImageProgress, cancellationToken).ConfigureAwait(false);
        request = request with { Image = baseImage };
        var artifacts = await _boot.DeriveAsync(baseImage, cancellationToken).ConfigureAwait(false);
        if (request.ImageProgress is IImageNotices notices)
        {
            foreach (var warning in artifacts.Warnings)
            {
                notices.Notice($"warning: {warning}");
            }
        }

        var selection = await _runtimes.NegotiateAsync(request.Runtime, cancellationToken).ConfigureAwait(false);
        var chosen = selection.Chosen ?? throw new PaneException(
            "No runtime can run a machine on this host.",
            "Run 'pane doctor' to see what each runtime lacks and how to fix it.");
        var machine = await chosen.Provider.StartAsync(Spec(request, artifacts), cancellationToken).ConfigureAwait(false);
        try
        {
            await _store.WriteAsync(machine.Record, cancellationToken).ConfigureAwait(false);
            await GuestLoginWait.WaitAsync(machine, request.Name, request.Timeout, onMilestone, cancellationToken).ConfigureAwait(false);
            return (machine, chosen);
        }
        catch
        {
            await machine.ShutdownAsync(TimeSpan.Zero, CancellationToken.None).ConfigureAwait(false);
            _store.Delete(request.Name);
            await machine.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private void RefuseIfRunning(string name)
    {
        if (_store.Read(name) is not { } record)
        {
            return;
        }

        if (record.ProcessId is { } processId && record.ProcessStartTime is { } startTime && ProcessIdentity.IsRunning(processId, startTime))
        {
            throw new PaneException(
                $"Machine '{name}' is already running (process {processId}).",
                $"Use 'pane stop --name {name}' first, or launch another machine with --name.");
        }

        _store.Delete(name);
    }

    private MachineSpec Spec(LaunchRequest request, DerivedBootArtifacts boot)
    {
        var folder = _store.DirectoryOf(request.Name);
        var commandLine = $"{boot.Artifacts.RootArgument} console=ttyS0 fstab=0 rw";
        if (!string.IsNullOrWhiteSpace(request.Append))
        {
            commandLine = $"{commandLine} {request.Append.Trim()}";
        }

        return new MachineSpec
        {
            Name = request.Name,
            VirtualCpus = request.VirtualCpus ?? MachineResources.DefaultVirtualCpus(_platform),
            MemoryMiB = request.MemoryMiB ?? MachineResources.DefaultMemoryMiB(_platform),
            Disks =
            [
                RootDisk(request, folder),
                new DiskSpec(Path.Combine(folder, "home.qcow2"), DiskFormat.Qcow2, DiskRole.UserData),
            ],
            Boot = new BootSpec(boot.KernelFile, boot.InitramfsFile, commandLine),
            Display = request.Display,
            DisplayPassword = request.DisplayPassword,
            Accelerator = request.Accelerator,
            StateDirectory = folder,
        };
    }

    /// <summary>
    /// The root disk: the base image in snapshot mode, whose writes vanish at power-off, or with <c>--persist-root</c>
    /// a qcow2 overlay over it in the machine's folder. Either way the base image is never written.
    /// </summary>
    private static DiskSpec RootDisk(LaunchRequest request, string folder)
    {
        var path = Path.GetFullPath(request.Image!);
        var image = new DiskSpec(path, DiskFormatOf(path), DiskRole.Base);
        return request.PersistRoot
            ? new DiskSpec(Path.Combine(folder, WorkspaceMaintenance.RootOverlayFileName), DiskFormat.Qcow2, DiskRole.RootOverlay) { Backing = image }
            : image with { IsEphemeral = true };
    }

    private static DiskFormat DiskFormatOf(string image)
    {
        using var disk = DiskImages.DiskImage.Open(image);
        return disk.Format;
    }
}
