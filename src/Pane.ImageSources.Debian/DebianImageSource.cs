using System.Text.RegularExpressions;
using Pane.Desktops;
using Pane.ImageSources.Debian.Apt;
using Pane.ImageSources.Debian.Build;
using Pane.Images;
using Pane.Machines;
using Pane.Platform;

namespace Pane.ImageSources.Debian;

/// <summary>
/// The <c>debian</c> image source: <c>debian</c> (the host's own release) or <c>debian:SUITE</c> builds a bootable
/// Debian image on this machine from its apt sources with mmdebstrap, as an ordinary user: systemd, a kernel and a
/// small initramfs with the virtio drivers, an ext4 root in a GPT disk, serial autologin as root, root's password
/// locked.
/// </summary>
internal sealed partial class DebianImageSource : IImageSource
{
    /// <summary>The scheme of the references this source acquires.</summary>
    public const string Scheme = "debian";

    private readonly IProcessRunner _runner;
    private readonly DebianHost _host;
    private readonly string _userName;

    /// <summary>Initializes a new instance of the <see cref="DebianImageSource"/> class for this machine.</summary>
    /// <param name="runner">Runs the build's programs.</param>
    public DebianImageSource(IProcessRunner runner)
        : this(runner, DebianHost.Current, Environment.UserName)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="DebianImageSource"/> class.</summary>
    /// <param name="runner">Runs the build's programs.</param>
    /// <param name="host">The host whose files are read.</param>
    /// <param name="userName">The name of the user who builds.</param>
    internal DebianImageSource(IProcessRunner runner, DebianHost host, string userName)
    {
        _runner = runner;
        _host = host;
        _userName = userName;
    }

    /// <inheritdoc/>
    public string Id => Scheme;

    /// <inheritdoc/>
    public string Description => "Builds a bootable Debian image on this Linux machine from its apt sources with mmdebstrap; no download site needed.";

    /// <inheritdoc/>
    public bool CanAcquire(ImageReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return reference.Scheme == Scheme && (reference.Location.Length == 0 || SuiteName().IsMatch(reference.Location));
    }

    /// <summary>Tells, without running anything, what keeps this machine from building a Debian image.</summary>
    /// <returns>The problem with its remedy, or <see langword="null"/> when the machine can build.</returns>
    public PaneException? FindProblem() => DebianPrerequisites.FindProblem(_host, _userName, out _);

    /// <inheritdoc/>
    public async Task<AcquiredImage> AcquireAsync(
        ImageReference reference,
        string destinationDirectory,
        IProgress<TransferProgress>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentException.ThrowIfNullOrEmpty(destinationDirectory);
        if (!CanAcquire(reference))
        {
            throw new PaneException(
                $"'{reference}' is not a Debian image reference.",
                "Write 'debian' for this machine's Debian release, or 'debian:SUITE' (such as debian:bookworm).");
        }

        if (reference.ExpectedSha256 is not null)
        {
            throw new PaneException(
                $"'{reference}' asks for a SHA-256, but a Debian image built here differs from build to build.",
                "Drop the #sha256= part; Pane hashes the built image and records its SHA-256.");
        }

        var problem = DebianPrerequisites.FindProblem(_host, _userName, out var identity);
        if (problem is not null)
        {
            throw problem;
        }

        var mirror = DebianMirrorResolver.Resolve(_host, reference.Location.Length == 0 ? null : reference.Location);
        Directory.CreateDirectory(destinationDirectory);
        var destination = Path.Combine(destinationDirectory, $"debian-{mirror.Suite}-amd64.raw");
        var layout = DiskLayout.Create(DiskLayout.DefaultDiskBytes);
        var sha256 = await new DebianImageBuilder(_runner)
            .BuildAsync(mirror, identity!, layout, destination, progress, cancellationToken)
            .ConfigureAwait(false);
        return new AcquiredImage
        {
            Path = destination,
            Sha256 = sha256,
            Format = DiskFormat.Raw,
            SizeBytes = new FileInfo(destination).Length,
            Family = DistributionFamily.Debian,
        };
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{1,30}$")]
    private static partial Regex SuiteName();
}
