namespace Pane.TestPlugins.ThrowingContribution;

/// <summary>A recipe that loads although its sibling provider fails.</summary>
public sealed class SurvivingRecipe() : TestDesktopRecipe("surviving");
