namespace Pane.TestPlugins.DuplicateId;

/// <summary>A recipe with an id of its own, which still loads.</summary>
public sealed class DuplicateOwnRecipe() : TestDesktopRecipe("duplicate-own");
