using System.Diagnostics;
using Pane.Platform;

namespace Pane.Tests.Fixtures;

/// <summary>
/// A temporary Pane home for a test that boots machines with the real pane host. Disposing it kills any QEMU a
/// failed test left running (found through the machines' <c>qemu.pid</c> files), then deletes the folder.
/// </summary>
internal sealed class BootHome : IDisposable
{
    /// <summary>Initializes a new instance of the <see cref="BootHome"/> class.</summary>
    /// <param name="prefix">The start of the temporary folder's name.</param>
    public BootHome(string prefix)
    {
        Path = Directory.CreateTempSubdirectory(prefix).FullName;
    }

    /// <summary>Gets the folder.</summary>
    public string Path { get; }

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var pidFile in Directory.EnumerateFiles(Path, "qemu.pid", SearchOption.AllDirectories))
        {
            if (int.TryParse(File.ReadAllText(pidFile).Trim(), out var leftover) && ProcessIdentity.StartTimeOf(leftover) is not null)
            {
                using var qemu = Process.GetProcessById(leftover);
                qemu.Kill();
                qemu.WaitForExit();
            }
        }

        Directory.Delete(Path, recursive: true);
    }
}
