namespace Pane.Host.Plugins;

/// <summary>
/// Finds plugins in plugin folders: every sub-folder <c>&lt;Name&gt;</c> holding <c>&lt;Name&gt;.dll</c>.
/// </summary>
internal static class PluginDiscovery
{
    /// <summary>Lists the plugins of the folders, in folder order and by name within a folder.</summary>
    /// <param name="directories">The plugin folders; missing ones are skipped, repeated ones searched once.</param>
    /// <param name="errors">Receives one error per sub-folder that is not a plugin and per plugin name seen twice.</param>
    /// <returns>The plugins found, each name once.</returns>
    public static IReadOnlyList<PluginCandidate> Discover(IEnumerable<string> directories, ICollection<PluginLoadError> errors)
    {
        var candidates = new List<PluginCandidate>();
        var byName = new Dictionary<string, PluginCandidate>(StringComparer.OrdinalIgnoreCase);
        var searched = new HashSet<string>(StringComparer.Ordinal);
        foreach (var directory in directories)
        {
            var fullDirectory = Path.GetFullPath(directory);
            if (!searched.Add(fullDirectory) || !Directory.Exists(fullDirectory))
            {
                continue;
            }

            var pluginDirectories = Directory.GetDirectories(fullDirectory);
            Array.Sort(pluginDirectories, StringComparer.Ordinal);
            foreach (var pluginDirectory in pluginDirectories)
            {
                var name = Path.GetFileName(pluginDirectory);
                var assemblyPath = Path.Join(pluginDirectory, name + ".dll");
                if (!File.Exists(assemblyPath))
                {
                    errors.Add(new PluginLoadError(
                        name,
                        assemblyPath,
                        $"The plugin folder '{pluginDirectory}' holds no {name}.dll.",
                        "Put the plugin's build output in a folder named after its assembly, or remove the folder."));
                    continue;
                }

                if (byName.TryGetValue(name, out var first))
                {
                    errors.Add(new PluginLoadError(
                        name,
                        assemblyPath,
                        $"A plugin named '{name}' is already loaded from '{first.Path}'.",
                        "Remove one of the two copies."));
                    continue;
                }

                var candidate = new PluginCandidate(name, assemblyPath);
                byName.Add(name, candidate);
                candidates.Add(candidate);
            }
        }

        return candidates;
    }
}
