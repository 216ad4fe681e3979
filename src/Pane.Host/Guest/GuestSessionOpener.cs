using System.Globalization;
using Pane.Host.DiskImages;
using Pane.Host.Machines;
using Pane.Machines;
using Pane.Runtimes;

namespace Pane.Host.Guest;

/// <summary>
/// Opens a guest session: attaches to the machine when it runs (its root must be an overlay, or nothing would last),
/// else boots it headless with its root overlay kept, then waits for the root shell on its serial console.
/// </summary>
internal sealed class GuestSessionOpener
{
    private static readonly TimeSpan s_shellTimeout = TimeSpan.FromMinutes(2);

    private readonly MachineLauncher _launcher;
    private readonly MachineController _machines;
    private readonly MachineStore _store;

    public GuestSessionOpener(MachineLauncher launcher, MachineController machines, MachineStore store)
    {
        _launcher = launcher;
        _machines = machines;
        _store = store;
    }

    /// <summary>Tells whether the machine runs now.</summary>
    /// <param name="name">The machine's name.</param>
    /// <returns><see langword="true"/> when it runs.</returns>
    public bool IsRunning(string name) => _machines.StatusOf(name).State == VirtualMachineState.Running;

    /// <summary>Gets the machine's root overlay file (it may not exist yet).</summary>
    /// <param name="name">The machine's name.</param>
    /// <returns>The path.</returns>
    public string RootOverlayOf(string name) => Path.Combine(_store.DirectoryOf(name), WorkspaceMaintenance.RootOverlayFileName);

    /// <summary>Finds the base image to boot: the one asked for, else the one the machine's root overlay was made from.</summary>
    /// <param name="request">The machine.</param>
    /// <returns>The image's full path.</returns>
    /// <exception cref="PaneException">No image was given and the machine has no root overlay, or the image does not exist.</exception>
    public string ResolveImage(GuestMachineRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Image is { } image)
        {
            var full = Path.GetFullPath(image);
            return File.Exists(full)
                ? full
                : throw new PaneException($"The image '{image}' does not exist.", "Pass the path of a raw or qcow2 base image with --image.");
        }

        var overlay = RootOverlayOf(request.Name);
        if (!File.Exists(overlay))
        {
            throw new PaneException(
                $"Machine '{request.Name}' has no root overlay yet, so Pane does not know which image to boot.",
                "Pass the base image with --image IMAGE.");
        }

        using var disk = DiskImage.Open(overlay);
        return disk.BackingChain.Count > 0
            ? disk.BackingChain[0]
            : throw new PaneException($"The root overlay {overlay} has no backing image.", "Pass the base image with --image IMAGE.");
    }

    /// <summary>Opens a session on the machine.</summary>
    /// <param name="request">The machine.</param>
    /// <param name="operation">The operation's name, which names its transcript (<c>provision</c> writes <c>provision.log</c>).</param>
    /// <param name="redactor">The secrets to keep out of the transcript and the output.</param>
    /// <param name="progress">Where boot milestones are reported.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The session; dispose it.</returns>
    /// <exception cref="PaneException">The machine runs without a root overlay, or it cannot be booted.</exception>
    /// <exception cref="GuestStepFailedException">No shell answered on its console.</exception>
    public async Task<GuestSession> OpenAsync(GuestMachineRequest request, string operation, SecretRedactor redactor, TextWriter progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(progress);
        var (machine, booted) = await StartOrAttachAsync(request, progress, cancellationToken).ConfigureAwait(false);
        GuestTranscript? transcript = null;
        try
        {
            transcript = GuestTranscript.Open(Path.Combine(_store.DirectoryOf(request.Name), $"{operation}.log"), redactor);
            transcript.Note($"{operation} on machine '{request.Name}' ({(booted ? "booted for it" : "already running")})");
            await progress.WriteLineAsync($"Waiting for the root shell on the serial console (transcript: {transcript.Path})").ConfigureAwait(false);
            var shell = await GuestShell.OpenAsync(machine.Console, transcript, s_shellTimeout, cancellationToken).ConfigureAwait(false);
            return new GuestSession(machine, shell, transcript, booted, _store, request.Grace);
        }
        catch
        {
            if (booted)
            {
                await machine.ShutdownAsync(request.Grace, CancellationToken.None).ConfigureAwait(false);
                _store.Delete(request.Name);
            }

            await machine.DisposeAsync().ConfigureAwait(false);
            transcript?.Dispose();
            throw;
        }
    }

    private async Task<(IVirtualMachine Machine, bool Booted)> StartOrAttachAsync(GuestMachineRequest request, TextWriter progress, CancellationToken cancellationToken)
    {
        var status = _machines.StatusOf(request.Name);
        if (status.State == VirtualMachineState.Running)
        {
            if (!status.Record!.Disks.Any(disk => disk.Role == DiskRole.RootOverlay))
            {
                throw new PaneException(
                    $"Machine '{request.Name}' runs without a root overlay, so changes to its root filesystem would vanish at power-off.",
                    $"Stop it with 'pane stop --name {request.Name}' and run this command again: it boots the machine with its root overlay kept.");
            }

            await progress.WriteLineAsync($"Using the running machine '{request.Name}'.").ConfigureAwait(false);
            return (await _machines.AttachAsync(request.Name, cancellationToken).ConfigureAwait(false), false);
        }

        var image = ResolveImage(request);
        await progress.WriteLineAsync($"Booting '{request.Name}' from {image} with its root overlay kept").ConfigureAwait(false);
        var launch = new LaunchRequest
        {
            Image = image,
            Name = request.Name,
            Accelerator = request.Accelerator,
            VirtualCpus = request.VirtualCpus,
            MemoryMiB = request.MemoryMiB,
            PersistRoot = true,
            Display = DisplayMode.None,
            Timeout = request.BootTimeout,
        };
        var (machine, runtime) = await _launcher.LaunchAsync(
            launch,
            milestone => progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {milestone.Elapsed.TotalSeconds,7:0.0} s  {milestone.Kind}")),
            cancellationToken).ConfigureAwait(false);
        await progress.WriteLineAsync($"Runtime: {runtime.Provider.Id} ({runtime.Verdict})").ConfigureAwait(false);
        return (machine, true);
    }
}
