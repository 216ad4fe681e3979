using Pane.Host.Tests.DiskImages;

namespace Pane.Host.Tests.Cli.Image;

/// <summary>Runs <c>pane</c> in this process with a scratch Pane home.</summary>
internal sealed class ImageCli : IDisposable
{
    private readonly ScratchDirectory _home = new();

    public Task<CliResult> RunAsync(params string[] args) => CliRunner.RunAsync(null, [.. args, "--home", _home.Path]);

    public void Dispose() => _home.Dispose();
}
