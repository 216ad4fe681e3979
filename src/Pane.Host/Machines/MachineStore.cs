using System.Text.Json;
using Pane.Host.DiskImages;
using Pane.Platform;
using Pane.Runtimes;

namespace Pane.Host.Machines;

/// <summary>
/// The machines of a Pane home: one folder each under <c>vms/</c>, readable only by the user, holding the record
/// of a running machine (written atomically), its sockets, serial log and user disk.
/// </summary>
internal sealed class MachineStore
{
    private const string RecordFileName = "machine.json";
    private const string LockFileName = ".launch.lock";

    private readonly IPaneHome _home;

    public MachineStore(IPaneHome home)
    {
        _home = home;
    }

    /// <summary>Gets the folder of a machine.</summary>
    /// <param name="name">The machine's name.</param>
    /// <returns>The folder's path; it may not exist yet.</returns>
    /// <exception cref="PaneException">The name cannot be a folder name.</exception>
    public string DirectoryOf(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 64 || !name.All(character => char.IsAsciiLetterOrDigit(character) || character is '-' or '_' or '.') || name.StartsWith('.'))
        {
            throw new PaneException($"'{name}' is not a machine name.", "Use up to 64 letters, digits, '-', '_' or '.', not starting with '.'.");
        }

        return Path.Combine(_home.MachinesDirectory, name);
    }

    /// <summary>Reads a machine's record.</summary>
    /// <param name="name">The machine's name.</param>
    /// <returns>The record, or <see langword="null"/> when the machine has none (it is not running).</returns>
    /// <exception cref="PaneException">The record is damaged.</exception>
    public VirtualMachineRecord? Read(string name)
    {
        var path = Path.Combine(DirectoryOf(name), RecordFileName);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(File.ReadAllBytes(path), MachineJsonContext.Default.VirtualMachineRecord);
        }
        catch (JsonException error)
        {
            throw new PaneException($"The record of machine '{name}' at {path} is damaged: {error.Message}", $"Stop the machine's QEMU process if it still runs, then delete {path}.", error);
        }
    }

    /// <summary>Writes a machine's record atomically.</summary>
    /// <param name="record">The record.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>A task that completes when the record is in place.</returns>
    public Task WriteAsync(VirtualMachineRecord record, CancellationToken cancellationToken) =>
        AtomicFile.WriteAsync(
            Path.Combine(DirectoryOf(record.Name), RecordFileName),
            (stream, token) => JsonSerializer.SerializeAsync(stream, record, MachineJsonContext.Default.VirtualMachineRecord, token),
            cancellationToken);

    /// <summary>Deletes a machine's record, keeping its disks.</summary>
    /// <param name="name">The machine's name.</param>
    public void Delete(string name) => File.Delete(Path.Combine(DirectoryOf(name), RecordFileName));

    /// <summary>Lists the machines that have a record.</summary>
    /// <returns>Their names, in order.</returns>
    public IReadOnlyList<string> Names() => Directory.Exists(_home.MachinesDirectory)
        ? [.. Directory.EnumerateFiles(_home.MachinesDirectory, RecordFileName, new EnumerationOptions { RecurseSubdirectories = true, MaxRecursionDepth = 1 })
            .Select(path => Path.GetFileName(Path.GetDirectoryName(path)!)).Order(StringComparer.Ordinal)]
        : [];

    /// <summary>Takes the machine's launch lock, so that two launches of one machine cannot race.</summary>
    /// <param name="name">The machine's name.</param>
    /// <returns>The lock; dispose it to release.</returns>
    /// <exception cref="PaneException">Another Pane process holds it.</exception>
    public IDisposable Lock(string name)
    {
        var folder = DirectoryOf(name);
        CreatePrivateDirectory(folder);
        try
        {
            return new FileStream(Path.Combine(folder, LockFileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (IOException error)
        {
            throw new PaneException($"Machine '{name}' is being started or stopped by another pane command.", "Wait for that command to finish, then try again.", error);
        }
    }

    private static void CreatePrivateDirectory(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
            return;
        }

        const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        Directory.CreateDirectory(folder, OwnerOnly);
        File.SetUnixFileMode(folder, OwnerOnly);
    }
}
