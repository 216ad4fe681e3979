using Pane.Plugins;
using Pane.TestPlugins.EntryNotAPlugin;

[assembly: PanePlugin(typeof(NotAPlugin))]

namespace Pane.TestPlugins.EntryNotAPlugin;

/// <summary>An entry class that forgot to implement IPanePlugin.</summary>
public sealed class NotAPlugin;
