using Pane.Host.Plugins;
using Pane.Machines;
using Pane.Runtimes;

namespace Pane.Host.Machines;

/// <summary>
/// Looks after the disks a machine keeps between launches in its folder: the root overlay (<c>root.qcow2</c>, kept
/// with <c>--persist-root</c>) and the user disk (<c>home.qcow2</c>, mounted at <c>/home</c>). Reset discards the
/// overlay, purge discards both, compact rewrites both without the space the guest freed. Each holds the machine's
/// launch lock and refuses while the machine runs; the base image is never touched.
/// </summary>
internal sealed class WorkspaceMaintenance
{
    /// <summary>The root overlay's file name in a machine's folder.</summary>
    public const string RootOverlayFileName = "root.qcow2";

    /// <summary>The user disk's file name in a machine's folder.</summary>
    public const string UserDiskFileName = "home.qcow2";

    private const string CompactionLeftoverPattern = "*.compact.tmp";

    private readonly MachineStore _store;
    private readonly MachineController _machines;
    private readonly IPluginCatalog _catalog;

    public WorkspaceMaintenance(MachineStore store, MachineController machines, IPluginCatalog catalog)
    {
        _store = store;
        _machines = machines;
        _catalog = catalog;
    }

    /// <summary>Lists the disks an action would touch that exist now.</summary>
    /// <param name="name">The machine's name.</param>
    /// <param name="action">The action.</param>
    /// <returns>Their paths and sizes.</returns>
    /// <exception cref="PaneException">The machine runs, or the name is not a machine name.</exception>
    public IReadOnlyList<FileInfo> DisksFor(string name, WorkspaceAction action)
    {
        RefuseIfRunning(name);
        var folder = _store.DirectoryOf(name);
        string[] names = action == WorkspaceAction.Reset ? [RootOverlayFileName] : [RootOverlayFileName, UserDiskFileName];
        return [.. names.Select(file => new FileInfo(Path.Combine(folder, file))).Where(file => file.Exists)];
    }

    /// <summary>Deletes the disks of <see cref="WorkspaceAction.Reset"/> or <see cref="WorkspaceAction.Purge"/>.</summary>
    /// <param name="name">The machine's name.</param>
    /// <param name="action">Reset or purge.</param>
    /// <returns>The disks deleted, with their sizes.</returns>
    /// <exception cref="PaneException">The machine runs, or another pane command holds its lock.</exception>
    public IReadOnlyList<FileInfo> Discard(string name, WorkspaceAction action)
    {
        if (action == WorkspaceAction.Compact)
        {
            throw new ArgumentOutOfRangeException(nameof(action), action, "Compaction keeps the disks; use CompactAsync.");
        }

        using var machineLock = _store.Lock(name);
        var disks = DisksFor(name, action);
        _store.Delete(name);
        foreach (var disk in disks)
        {
            disk.Delete();
        }

        DeleteCompactionLeftovers(name);
        return disks;
    }

    /// <summary>Compacts the root overlay and the user disk through a runtime that can.</summary>
    /// <param name="name">The machine's name.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>What each disk gained.</returns>
    /// <exception cref="PaneException">The machine runs, no runtime can compact, or a compaction failed (that disk is unchanged).</exception>
    public async Task<IReadOnlyList<DiskCompaction>> CompactAsync(string name, CancellationToken cancellationToken)
    {
        using var machineLock = _store.Lock(name);
        var disks = DisksFor(name, WorkspaceAction.Compact);
        _store.Delete(name);
        var compactor = _catalog.RuntimeProviders.OfType<IDiskImageCompactor>().FirstOrDefault()
            ?? throw new PaneException("No loaded runtime can compact disk images.", "Install QEMU (its qemu-img compacts), then check with 'pane plugins' that the qemu plugin loads.");
        DeleteCompactionLeftovers(name);
        var results = new List<DiskCompaction>(disks.Count);
        foreach (var disk in disks)
        {
            results.Add(await compactor.CompactAsync(disk.FullName, cancellationToken).ConfigureAwait(false));
        }

        return results;
    }

    private void RefuseIfRunning(string name)
    {
        if (_machines.StatusOf(name).State == VirtualMachineState.Running)
        {
            throw new PaneException($"Machine '{name}' is running, so its disks cannot change.", $"Stop it first with 'pane stop --name {name}'.");
        }
    }

    /// <summary>Deletes copies a killed compaction left behind; the originals beside them are whole.</summary>
    private void DeleteCompactionLeftovers(string name)
    {
        var folder = _store.DirectoryOf(name);
        if (Directory.Exists(folder))
        {
            foreach (var leftover in Directory.EnumerateFiles(folder, CompactionLeftoverPattern))
            {
                File.Delete(leftover);
            }
        }
    }
}
