namespace Pane.Plugins;

/// <summary>
/// Names the entry class of a Pane plugin assembly: <c>[assembly: PanePlugin(typeof(MyPlugin))]</c>.
/// </summary>
/// <remarks>The host reads this attribute instead of scanning every type of the assembly.</remarks>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
public sealed class PanePluginAttribute : Attribute
{
    /// <summary>Initializes a new instance of the <see cref="PanePluginAttribute"/> class.</summary>
    /// <param name="entryType">The class that implements <see cref="IPanePlugin"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="entryType"/> is <see langword="null"/>.</exception>
    public PanePluginAttribute(Type entryType)
    {
        ArgumentNullException.ThrowIfNull(entryType);
        EntryType = entryType;
    }

    /// <summary>Gets the class that implements <see cref="IPanePlugin"/>.</summary>
    public Type EntryType { get; }

    /// <summary>
    /// Gets or sets the kinds of contribution the plugin makes, such as
    /// <c>[assembly: PanePlugin(typeof(MyPlugin), Contributes = PluginContributions.DesktopRecipes)]</c>. A command
    /// that needs other kinds only does not load the plugin; <see cref="PluginContributions.None"/>, the default, has
    /// it loaded for every command.
    /// </summary>
    public PluginContributions Contributes { get; set; }
}
