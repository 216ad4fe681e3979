using Pane.Platform;

namespace Pane.Runtime.QemuWhpx.Discovery;

/// <summary>
/// Asks a <c>qemu-system-x86_64</c> for its version (<c>--version</c>) and its accelerators (<c>-accel help</c>),
/// both at once, and remembers the answer in the Pane home's cache when there is one.
/// </summary>
internal sealed class QemuBinaryInspector
{
    private static readonly TimeSpan s_queryTimeout = TimeSpan.FromSeconds(20);

    private readonly IProcessRunner _runner;
    private readonly QemuBinaryCache? _cache;

    public QemuBinaryInspector(IProcessRunner runner, QemuBinaryCache? cache)
    {
        ArgumentNullException.ThrowIfNull(runner);
        _runner = runner;
        _cache = cache;
    }

    /// <exception cref="ProcessFailedException">The binary could not be started, hung, or failed <c>--version</c>.</exception>
    public async Task<QemuBinaryInfo> InspectAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var stamp = QemuBinaryStamp.Of(path);
        if (_cache?.TryRead(stamp) is { } remembered)
        {
            return remembered;
        }

        var versionRun = _runner.RunAsync(Query(path, "--version"), cancellationToken);
        var acceleratorRun = _runner.RunAsync(Query(path, "-accel", "help"), cancellationToken);
        await Task.WhenAll(versionRun, acceleratorRun).ConfigureAwait(false);
        var version = versionRun.Result.EnsureSuccess();
        var accelerators = acceleratorRun.Result;
        var info = new QemuBinaryInfo(
            QemuVersion.Parse(version.StandardOutputText),
            accelerators.ExitCode == 0 ? QemuBinaryInfo.ParseAccelerators(accelerators.StandardOutputText) : null);
        _cache?.Write(stamp, info);
        return info;
    }

    private static ProcessCommand Query(string path, params string[] arguments) =>
        new(path, arguments) { Timeout = s_queryTimeout };
}
