using System.Text.Json;
using Pane.Host.DiskImages;
using Pane.Host.DiskImages.Inspection;
using Pane.Host.Machines;
using Pane.Host.Plugins;
using Pane.Images;
using Pane.Platform;

namespace Pane.Host.Images;

/// <summary>
/// The base images of a Pane home: one folder each under <c>images/</c>, holding the verified image file and its
/// <c>image.json</c>. An image is acquired into <c>images/.incoming/NAME/</c> (where an interrupted download waits to
/// be resumed), its metadata written there atomically, and the whole folder renamed into place in one step: the
/// store never shows a half-written or unverified image.
/// </summary>
internal sealed class ImageStore
{
    /// <summary>The name of each image's metadata file.</summary>
    public const string MetadataFileName = "image.json";

    private const string IncomingDirectoryName = ".incoming";

    private readonly IPaneHome _home;
    private readonly IPluginCatalog _catalog;
    private readonly ImageBrowser _browser;
    private readonly MachineStore _machines;

    public ImageStore(IPaneHome home, IPluginCatalog catalog, ImageBrowser browser, MachineStore machines)
    {
        _home = home;
        _catalog = catalog;
        _browser = browser;
        _machines = machines;
    }

    /// <summary>Lists the images.</summary>
    /// <returns>Their metadata, by name.</returns>
    /// <exception cref="PaneException">An image's metadata is damaged.</exception>
    public IReadOnlyList<StoredImage> List() => Directory.Exists(_home.ImagesDirectory)
        ? [.. Directory.EnumerateDirectories(_home.ImagesDirectory)
            .Select(Path.GetFileName)
            .Where(ImageNames.IsValid)
            .Select(name => Find(name!))
            .OfType<StoredImage>()
            .OrderBy(image => image.Name, StringComparer.Ordinal)]
        : [];

    /// <summary>Finds an image by name.</summary>
    /// <param name="name">The name; any text.</param>
    /// <returns>Its metadata, or <see langword="null"/> when the store has no image of that name.</returns>
    /// <exception cref="PaneException">Its metadata is damaged.</exception>
    public StoredImage? Find(string name)
    {
        if (!ImageNames.IsValid(name))
        {
            return null;
        }

        var path = Path.Join(_home.ImagesDirectory, name, MetadataFileName);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            var image = JsonSerializer.Deserialize(File.ReadAllBytes(path), ImageStoreJsonContext.Default.StoredImage);
            if (image is null || image.Name != name || image.File != Path.GetFileName(image.File) || image.File.Length == 0)
            {
                throw new JsonException("it does not describe this folder's image.");
            }

            return image;
        }
        catch (JsonException error)
        {
            throw new PaneException(
                $"The metadata of image '{name}' at {path} is damaged: {error.Message}",
                $"Remove the image with 'pane image rm {name}' and add it again.",
                error);
        }
    }

    /// <summary>Gets the path of an image's file.</summary>
    /// <param name="image">The image.</param>
    /// <returns>The absolute path.</returns>
    public string PathOf(StoredImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return Path.GetFullPath(Path.Join(_home.ImagesDirectory, image.Name, image.File));
    }

    /// <summary>Finds the image source that understands a reference.</summary>
    /// <param name="reference">The reference.</param>
    /// <returns>The source.</returns>
    /// <exception cref="PaneException">No source does.</exception>
    public IImageSource SourceFor(ImageReference reference) =>
        _catalog.ImageSources.FirstOrDefault(source => source.CanAcquire(reference))
        ?? throw new PaneException(
            $"No image source understands '{reference}'.",
            $"Use one of: {string.Join(", ", _catalog.ImageSources.Select(source => source.Id == "file" ? "file:PATH" : source.Id == "https" ? "https://URL#sha256=HEX" : source.Id))}, or the name of an image in the store ('pane image list').");

    /// <summary>Acquires an image into the store, unless the store has it already.</summary>
    /// <param name="reference">What to acquire.</param>
    /// <param name="name">The name to give it, or <see langword="null"/> for one derived from the reference.</param>
    /// <param name="progress">Receives progress, if not <see langword="null"/>.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The image, and whether it was added now (<see langword="false"/>: it was there already).</returns>
    /// <exception cref="PaneException">The name is taken by another image, no source understands the reference, or the source failed.</exception>
    public async Task<(StoredImage Image, bool Added)> PullAsync(
        ImageReference reference,
        string? name,
        IProgress<TransferProgress>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        name = ImageNames.Require(name ?? ImageNames.Derive(reference));
        var incoming = Path.Join(_home.ImagesDirectory, IncomingDirectoryName, name);
        using var pullLock = Lock(name);
        if (Find(name) is { } existing)
        {
            return existing.Reference == reference.ToString()
                ? (existing, false)
                : throw new PaneException(
                    $"The store has an image named '{name}' already, from {existing.Reference}.",
                    $"Give this one another name with --name, or remove the other with 'pane image rm {name}'.");
        }

        var source = SourceFor(reference);
        AcquiredImage acquired;
        try
        {
            acquired = await source.AcquireAsync(reference, incoming, progress, cancellationToken).ConfigureAwait(false);
        }
        catch when (Directory.Exists(incoming) && !Directory.EnumerateFileSystemEntries(incoming).Any())
        {
            Directory.Delete(incoming);
            throw;
        }

        var file = Path.GetFullPath(acquired.Path);
        if (!string.Equals(Path.GetDirectoryName(file), Path.GetFullPath(incoming), StringComparison.Ordinal) || !File.Exists(file))
        {
            throw new PaneException(
                $"The image source '{source.Id}' put its image at {acquired.Path}, outside the folder it was given.",
                "This is a bug in that image source's plugin; please report it.");
        }

        var image = new StoredImage
        {
            Name = name,
            Source = source.Id,
            Reference = reference.ToString(),
            Url = acquired.Origin,
            File = Path.GetFileName(file),
            Sha256 = acquired.Sha256.ToLowerInvariant(),
            SizeBytes = acquired.SizeBytes,
            Format = acquired.Format.ToString().ToLowerInvariant(),
            Family = acquired.Family?.Name ?? FamilyOf(file),
            AddedAt = DateTimeOffset.UtcNow,
        };
        foreach (var leftover in Directory.EnumerateFileSystemEntries(incoming).Where(entry => entry != file))
        {
            Delete(leftover);
        }

        await AtomicFile.WriteAsync(
            Path.Join(incoming, MetadataFileName),
            (stream, token) => JsonSerializer.SerializeAsync(stream, image, ImageStoreJsonContext.Default.StoredImage, token),
            cancellationToken).ConfigureAwait(false);
        var target = Path.Join(_home.ImagesDirectory, name);
        if (Directory.Exists(target))
        {
            Delete(target);
        }

        Directory.Move(incoming, target);
        return (image, true);
    }

    /// <summary>Hashes an image's file again.</summary>
    /// <param name="image">The image.</param>
    /// <param name="progress">Receives progress, if not <see langword="null"/>.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The file's SHA-256 now, or <see langword="null"/> when the file is missing.</returns>
    public async Task<string?> HashAsync(StoredImage image, IProgress<TransferProgress>? progress, CancellationToken cancellationToken)
    {
        var path = PathOf(image);
        if (!File.Exists(path))
        {
            return null;
        }

        return await FileHash.ComputeAsync(path, progress, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Removes an image, unless a running machine uses it or a machine keeps a root overlay backed by it (the
    /// overlay holds that machine's installed packages and settings, and is worthless without its base).
    /// </summary>
    /// <param name="name">The image's name.</param>
    /// <exception cref="PaneException">The store has no such image, or a machine depends on it.</exception>
    public void Remove(string name)
    {
        var folder = ImageNames.IsValid(name) ? Path.GetFullPath(Path.Join(_home.ImagesDirectory, name)) : null;
        if (folder is null || !Directory.Exists(folder))
        {
            throw new PaneException($"The store has no image named '{name}'.", "Run 'pane image list' to see the images it has.");
        }

        using var removeLock = Lock(name);
        if (MachineUsing(folder) is { } machine)
        {
            throw new PaneException(
                $"Image '{name}' is in use by the running machine '{machine}'.",
                $"Stop it first with 'pane stop --name {machine}', then remove the image.");
        }

        if (MachineWithOverlayOn(folder) is { } keeper)
        {
            throw new PaneException(
                $"Image '{name}' is the base of the root overlay that machine '{keeper}' keeps between launches (its installed packages and settings).",
                $"Keep the image, or drop that overlay first with 'pane workspace reset --name {keeper}', which discards the changes in it.");
        }

        var trash = Path.Join(_home.ImagesDirectory, IncomingDirectoryName, $".removing-{name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.GetDirectoryName(trash)!);
        Directory.Move(folder, trash);
        Directory.Delete(trash, recursive: true);
    }

    private string? MachineUsing(string folder)
    {
        var prefix = folder + Path.DirectorySeparatorChar;
        foreach (var name in _machines.Names())
        {
            var record = _machines.Read(name);
            if (record?.ProcessId is not { } processId || record.ProcessStartTime is not { } startTime || !ProcessIdentity.IsRunning(processId, startTime))
            {
                continue;
            }

            var paths = record.Disks.SelectMany(disk => new[] { disk.Path, disk.Backing?.Path }).OfType<string>();
            if (paths.Any(path => Path.GetFullPath(path).StartsWith(prefix, StringComparison.Ordinal)))
            {
                return name;
            }
        }

        return null;
    }

    /// <summary>
    /// Finds a machine whose kept root overlay has a file of the image's folder in its backing chain. An overlay
    /// that cannot be read as qcow2 is skipped: it cannot be booted with or without the image.
    /// </summary>
    private string? MachineWithOverlayOn(string folder)
    {
        if (!Directory.Exists(_home.MachinesDirectory))
        {
            return null;
        }

        var prefix = folder + Path.DirectorySeparatorChar;
        foreach (var machineFolder in Directory.EnumerateDirectories(_home.MachinesDirectory))
        {
            var overlay = Path.Join(machineFolder, WorkspaceMaintenance.RootOverlayFileName);
            if (File.Exists(overlay) && BackingChainOf(overlay).Any(path => path.StartsWith(prefix, StringComparison.Ordinal)))
            {
                return Path.GetFileName(machineFolder);
            }
        }

        return null;
    }

    /// <summary>
    /// The full paths of a qcow2 file and its backing files, as far as they could be followed: a missing backing
    /// file still names itself.
    /// </summary>
    private static List<string> BackingChainOf(string overlay)
    {
        var chain = new List<string>();
        try
        {
            DiskImageLayers.Open(overlay, "qcow2", chain, out _).Dispose();
        }
        catch (Exception error) when (error is ImageFormatException or IOException or UnauthorizedAccessException)
        {
            // The chain so far still tells which files the overlay names.
        }

        return chain;
    }

    private string? FamilyOf(string file)
    {
        try
        {
            return _browser.Describe(file).Boot?.Family;
        }
        catch (Exception error) when (error is ImageFormatException or IOException or PaneException)
        {
            return null;
        }
    }

    private FileStream Lock(string name)
    {
        var folder = Path.Join(_home.ImagesDirectory, IncomingDirectoryName);
        Directory.CreateDirectory(folder);
        try
        {
            return new FileStream(Path.Join(folder, $"{name}.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (IOException error)
        {
            throw new PaneException($"Image '{name}' is being added or removed by another pane command.", "Wait for that command to finish, then try again.", error);
        }
    }

    private static void Delete(string entry)
    {
        if (Directory.Exists(entry))
        {
            Directory.Delete(entry, recursive: true);
        }
        else
        {
            File.Delete(entry);
        }
    }
}
