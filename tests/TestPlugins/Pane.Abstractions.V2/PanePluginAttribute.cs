namespace Pane.Plugins;

/// <summary>Names the entry class, as in the real contracts.</summary>
/// <param name="entryType">The entry class.</param>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class PanePluginAttribute(Type entryType) : Attribute
{
    /// <summary>Gets the entry class.</summary>
    public Type EntryType { get; } = entryType;
}
