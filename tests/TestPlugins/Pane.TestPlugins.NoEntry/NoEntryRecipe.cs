namespace Pane.TestPlugins.NoEntry;

/// <summary>A recipe in an assembly that names no entry class.</summary>
public sealed class NoEntryRecipe() : TestDesktopRecipe("no-entry");
