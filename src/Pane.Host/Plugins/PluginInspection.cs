using Pane.Plugins;

namespace Pane.Host.Plugins;

/// <summary>What the metadata of a plugin that may be loaded says about it.</summary>
/// <param name="EntryTypeName">
/// The entry class's name as the attribute holds it (namespace-qualified, or assembly-qualified for a class of another
/// assembly), or <see langword="null"/> when the attribute names none.
/// </param>
/// <param name="EntryTypeToken">
/// The metadata token of the entry class's definition when the plugin's own assembly defines it, else 0: the loader
/// finds the class by it without parsing a type name.
/// </param>
/// <param name="Contributions">The kinds of contribution the attribute declares; <see cref="PluginContributions.None"/> when it declares none.</param>
internal sealed record PluginInspection(string? EntryTypeName, int EntryTypeToken, PluginContributions Contributions)
{
    /// <summary>Gets the inspection of a plugin that names no entry class and declares nothing.</summary>
    public static PluginInspection Empty { get; } = new(null, 0, PluginContributions.None);
}
